/**
 * The run engine, internal to the runs module: live runs, the loop, segments, model
 * turns, tool rounds, run events and the sweeper.
 */
@NullMarked
package com.threadline.chat.run.engine;

import org.jspecify.annotations.NullMarked;
