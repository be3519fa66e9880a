/**
 * The code_interpreter's jail: CPython started in bubblewrap under its own uid, a warm
 * pool of such interpreters, and the framed protocol they speak; internal to the tool
 * module.
 */
@NullMarked
package com.threadline.chat.tool.code.jail;

import org.jspecify.annotations.NullMarked;
