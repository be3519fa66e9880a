/**
 * Who is calling: tenants, their hashed API keys, end-user tokens with their encrypted,
 * rotatable signing keys and revocations, and the one resolver that turns a credential
 * into a {@link com.threadline.chat.tenant.Caller}.
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package com.threadline.chat.tenant;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
