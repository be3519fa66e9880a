/**
 * Assistants: a model, instructions and tools that runs use.
 */
@NullMarked
package com.threadline.chat.assistant;

import org.jspecify.annotations.NullMarked;
