/**
 * Shared infrastructure: errors, ids, paging, JSON and text rules, and the database.
 */
@NullMarked
package com.threadline.chat.system;

import org.jspecify.annotations.NullMarked;
