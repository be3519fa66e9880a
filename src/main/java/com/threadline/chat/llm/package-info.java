/**
 * The model gateway: streams OpenAI-compatible chat completions from any configured
 * provider.
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package com.threadline.chat.llm;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
