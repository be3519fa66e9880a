package com.threadline.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the module documentation (PlantUML diagrams of the whole graph and of each
 * module, and an Asciidoc canvas per module) into {@code target/spring-modulith-docs}.
 * The committed copy in {@code docs/modules} is refreshed with
 * {@code ./mvnw test -Dtest=ModuleDocumentationTests -Dthreadline.modules-docs=docs/modules}.
 */
class ModuleDocumentationTests {

	private static final String FOLDER = System.getProperty("threadline.modules-docs", "target/spring-modulith-docs");

	@Test
	void writesTheModuleGraphAndOneCanvasPerModule() throws IOException {
		ApplicationModules modules = ApplicationModules.of(ThreadlineApplication.class);
		DiagramOptions diagrams = DiagramOptions.defaults()
			.withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(FOLDER)).writeDocumentation(diagrams,
				CanvasOptions.defaults());
		String graph = Files.readString(Path.of(FOLDER, "components.puml"));
		for (var module : modules) {
			assertThat(graph).contains("\"" + module.getDisplayName() + "\"");
			assertThat(Path.of(FOLDER, "module-" + module.getIdentifier() + ".puml")).exists();
			assertThat(Path.of(FOLDER, "module-" + module.getIdentifier() + ".adoc")).exists();
		}
	}

}
