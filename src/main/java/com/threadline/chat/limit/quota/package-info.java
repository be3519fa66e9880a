/**
 * Where a caller stands against a limit, as OpenAI's {@code x-ratelimit-*} headers tell
 * it, and the 429 it gets past one; internal to the limit module.
 */
@NullMarked
package com.threadline.chat.limit.quota;

import org.jspecify.annotations.NullMarked;
