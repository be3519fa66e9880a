/**
 * The browser chat page's defences in HTTP headers: its content security policy and the
 * headers that go with it.
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package com.threadline.chat.page;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
