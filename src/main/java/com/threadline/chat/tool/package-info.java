/**
 * Server-side tools: the SPI the run engine calls for function calls it executes itself.
 */
@ApplicationModule(allowedDependencies = { "system", "file" })
@NullMarked
package com.threadline.chat.tool;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
