/**
 * Files (OpenAI's Files API): uploads streamed into a directory or an S3-compatible
 * store, with their media type detected from the bytes, owned by a tenant and, for a user
 * token's upload, by that user.
 */
@ApplicationModule(allowedDependencies = { "system", "tenant", "tenant :: context", "limit" })
@NullMarked
package com.threadline.chat.file;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
