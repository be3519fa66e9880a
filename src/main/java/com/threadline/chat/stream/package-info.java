/**
 * Resumable event streams: a sequenced, bounded per-stream event log that live and
 * reconnecting followers read alike, and its Server-Sent Events framing.
 */
@ApplicationModule(allowedDependencies = { "system" })
@NullMarked
package com.threadline.chat.stream;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
