/**
 * A message's parts: content and attachments checked on the way in, a run's reply built
 * on the way out. Internal to {@code thread}.
 */
@NullMarked
package com.threadline.chat.thread.content;

import org.jspecify.annotations.NullMarked;
