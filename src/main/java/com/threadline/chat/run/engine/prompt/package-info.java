/** A run's prompt: its instructions, the thread's history as it fits, its own turns. */
@NullMarked
package com.threadline.chat.run.engine.prompt;

import org.jspecify.annotations.NullMarked;
