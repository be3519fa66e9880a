/**
 * The code_interpreter side of a run: its code as it streams, its calls' shapes, its
 * outputs for replies, and the files its tools may read.
 */
@NullMarked
package com.threadline.chat.run.engine.code;

import org.jspecify.annotations.NullMarked;
