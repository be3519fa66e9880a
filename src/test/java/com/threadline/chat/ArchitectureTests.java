package com.threadline.chat;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; a module may use only another's public, top-level
 * types (its API), never its internals, and the modules form no cycles.
 */
class ArchitectureTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(ThreadlineApplication.class).verify();
	}

}
