/**
 * Quotas and rate limits: requests per second per IP, API key and user, concurrent runs,
 * open event streams and model tokens per day, each answered over the limit with OpenAI's
 * {@code 429}.
 */
@ApplicationModule(allowedDependencies = { "tenant", "tenant :: context", "system" })
@NullMarked
package com.threadline.chat.limit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
