/**
 * The zero-setup demo: a tenant with the seed's assistant 瓜瓜, a course schedule, and
 * one-click demo users.
 */
@ApplicationModule(allowedDependencies = { "tenant", "tenant :: context", "assistant", "course", "system" })
@NullMarked
package com.threadline.chat.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
