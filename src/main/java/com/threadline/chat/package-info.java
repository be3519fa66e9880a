/**
 * Threadline: a self-hosted, multi-tenant, Assistants-v2-compatible chat backend.
 */
@NullMarked
package com.threadline.chat;

import org.jspecify.annotations.NullMarked;
