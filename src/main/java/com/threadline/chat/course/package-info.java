/**
 * Each tenant's course schedule: the seed's {@code Courses} table, which
 * {@code ask_database} answers from.
 */
@NullMarked
package com.threadline.chat.course;

import org.jspecify.annotations.NullMarked;
