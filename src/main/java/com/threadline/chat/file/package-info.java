/**
 * Files (OpenAI's Files API): uploads streamed into a directory or an S3-compatible
 * store, with their media type detected from the bytes, owned by a tenant and, for a user
 * token's upload, by that user.
 */
@NullMarked
package com.threadline.chat.file;

import org.jspecify.annotations.NullMarked;
