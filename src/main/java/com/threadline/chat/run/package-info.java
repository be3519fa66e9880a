/**
 * Runs: the engine that executes an assistant on a thread (model calls, tool calls, the
 * status machine), its steps, its events, and the runs API.
 */
@ApplicationModule(allowedDependencies = { "thread", "assistant", "file", "llm", "tool", "stream", "tenant",
		"tenant :: context", "limit", "modelaccess", "system" })
@NullMarked
package com.threadline.chat.run;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
