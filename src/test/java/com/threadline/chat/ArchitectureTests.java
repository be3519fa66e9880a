package com.threadline.chat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module; a module may use only another's public, top-level
 * types (its API) or a named interface, only the modules its {@code package-info}
 * declares (the README's "may use" column), and the modules form no cycles.
 */
class ArchitectureTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(ThreadlineApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() throws ClassNotFoundException {
		for (var module : MODULES) {
			Class<?> info = Class.forName(module.getBasePackage().getName() + ".package-info");
			ApplicationModule declared = info.getAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s", info.getName()).isNotNull();
			assertThat(Arrays.asList(declared.allowedDependencies()))
				.as("allowed dependencies of %s", module.getIdentifier())
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		}
	}

}
