/**
 * Conversations and their messages, each thread owned by one of the tenant's end users.
 */
@NullMarked
package com.threadline.chat.thread;

import org.jspecify.annotations.NullMarked;
