/**
 * The model gateway: streams OpenAI-compatible chat completions from any configured
 * provider.
 */
@NullMarked
package com.threadline.chat.llm;

import org.jspecify.annotations.NullMarked;
