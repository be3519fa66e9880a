/**
 * The front door: one Spring Security filter chain that rejects non-canonical requests,
 * turns bearer credentials and stream tickets into a
 * {@link com.threadline.chat.tenant.Caller}, and decides which routes each may use.
 */
@ApplicationModule(allowedDependencies = { "tenant", "tenant :: context", "run", "thread", "system" })
@NullMarked
package com.threadline.chat.security;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
