/**
 * Shared infrastructure: errors, ids, paging, the tenant scope and the bridge between the
 * reactive edge and the blocking core.
 */
@NullMarked
package com.threadline.chat.system;

import org.jspecify.annotations.NullMarked;
