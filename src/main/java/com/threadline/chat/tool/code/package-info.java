/**
 * {@code code_interpreter}: the model's Python, run by CPython in a bubblewrap jail, one
 * warm session per thread (docs/code-interpreter.md).
 */
@NullMarked
package com.threadline.chat.tool.code;

import org.jspecify.annotations.NullMarked;
