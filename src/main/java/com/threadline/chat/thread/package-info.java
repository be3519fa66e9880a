/**
 * Conversations and their messages, each thread owned by one of the tenant's end users.
 */
@ApplicationModule(allowedDependencies = { "system", "system :: persistence", "tenant", "tenant :: context", "file" })
@NullMarked
package com.threadline.chat.thread;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
