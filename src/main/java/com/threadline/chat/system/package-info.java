/**
 * Shared infrastructure: errors, ids, paging, JSON and text rules, and the database.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package com.threadline.chat.system;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
