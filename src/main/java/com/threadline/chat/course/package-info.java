/**
 * Each tenant's course schedule: the seed's {@code Courses} table, which
 * {@code ask_database} answers from.
 */
@ApplicationModule(allowedDependencies = { "system", "tenant", "tenant :: context" })
@NullMarked
package com.threadline.chat.course;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
