/**
 * Who is calling: tenants, their hashed API keys, end-user tokens, and the resolver that
 * turns a bearer credential into a {@link com.threadline.chat.tenant.Caller}.
 */
@NullMarked
package com.threadline.chat.tenant;

import org.jspecify.annotations.NullMarked;
