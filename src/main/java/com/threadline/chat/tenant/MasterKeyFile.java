package com.threadline.chat.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup start's master key: generated once into a file that only its owner may
 * read or write (POSIX mode 0600), and read back on every later start.
 */
final class MasterKeyFile {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyFile.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private MasterKeyFile() {
	}

	/** The key kept in {@code file}, created first if there is none. */
	static String loadOrCreate(Path file) {
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key file " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		try {
			// Created with its final mode, so the key is never readable by others, not
			// even
			// for a moment.
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			return; // another instance on the same data directory won the race
		}
		catch (UnsupportedOperationException ex) {
			throw new IllegalStateException("The file system of " + file
					+ " cannot keep the master key private (no POSIX permissions). " + MasterKey.HOW_TO_SET);
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY); // whatever the umask took away
		Files.writeString(file, MasterKey.generate() + "\n", StandardCharsets.US_ASCII,
				StandardOpenOption.TRUNCATE_EXISTING);
		log.info("Generated the master key of the embedded database into {} (mode 0600); back it up with the data",
				file.toAbsolutePath());
	}

}
