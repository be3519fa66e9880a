/**
 * {@code ask_database}: the model's SQL over the calling tenant's course schedule, behind
 * a database role that can read nothing else (docs/ask-database.md).
 */
@NullMarked
package com.threadline.chat.tool.sql;

import org.jspecify.annotations.NullMarked;
