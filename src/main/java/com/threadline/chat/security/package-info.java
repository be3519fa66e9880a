/**
 * The front door: one Spring Security filter chain that rejects non-canonical requests,
 * turns bearer credentials and stream tickets into a
 * {@link com.threadline.chat.tenant.Caller}, and decides which routes each may use.
 */
@NullMarked
package com.threadline.chat.security;

import org.jspecify.annotations.NullMarked;
