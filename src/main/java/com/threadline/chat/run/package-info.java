/**
 * Runs: the engine that executes an assistant on a thread (model calls, tool calls, the
 * status machine), its steps, its events, and the runs API.
 */
@NullMarked
package com.threadline.chat.run;

import org.jspecify.annotations.NullMarked;
