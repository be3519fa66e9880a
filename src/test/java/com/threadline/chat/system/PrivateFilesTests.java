package com.threadline.chat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateFilesTests {

	@TempDir
	Path dir;

	@Test
	void createsSecretsOwnerOnlyInOwnerOnlyDirectories() throws IOException {
		Path file = this.dir.resolve("new/secret");

		PrivateFiles.write(file, "s3cret".getBytes(StandardCharsets.UTF_8));

		assertThat(file).hasContent("s3cret");
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(mode(file.getParent())).isEqualTo("rwx------");
	}

	@Test
	void tightensALooserFileBeforeWritingToIt() throws IOException {
		Path file = Files.writeString(this.dir.resolve("old"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

		PrivateFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

		assertThat(file).hasContent("new");
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(PrivateFiles.tighten(file)).isFalse();
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
