/**
 * What the modules' JPA entities share.
 */
@NamedInterface("persistence")
@NullMarked
package com.threadline.chat.system.persistence;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
