/**
 * The tenant a unit of work acts for: the scope, the transaction manager that hands it to
 * PostgreSQL's row-level security, and
 * {@link com.threadline.chat.tenant.context.Blocking}, the one crossing from the reactive
 * edge into the blocking core, which binds it.
 */
@NamedInterface("context")
@NullMarked
package com.threadline.chat.tenant.context;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
