/**
 * Assistants: a model, instructions and tools that runs use.
 */
@ApplicationModule(allowedDependencies = { "system", "tenant", "tenant :: context", "tool", "modelaccess", "file" })
@NullMarked
package com.threadline.chat.assistant;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
