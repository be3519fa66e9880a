/**
 * Server-side tools: the SPI the run engine calls for function calls it executes itself.
 */
@NullMarked
package com.threadline.chat.tool;

import org.jspecify.annotations.NullMarked;
