/**
 * Where the files' bytes live: a private directory or an S3-compatible bucket, behind
 * {@link com.threadline.chat.file.storage.FileStorage}; internal to the file module.
 */
@NullMarked
package com.threadline.chat.file.storage;

import org.jspecify.annotations.NullMarked;
