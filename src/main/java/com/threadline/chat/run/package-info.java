/**
 * Runs: the runs API, the run and step records with their status machine, and the one
 * place that writes them; the engine that executes runs is internal ({@code run.engine}).
 */
@ApplicationModule(allowedDependencies = { "thread", "assistant", "file", "llm", "tool", "stream", "tenant",
		"tenant :: context", "limit", "modelaccess", "system", "system :: persistence" })
@NullMarked
package com.threadline.chat.run;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
