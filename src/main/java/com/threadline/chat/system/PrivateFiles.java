package com.threadline.chat.system;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold secrets (keys, passwords) and that only their owner may read or write:
 * mode 0600, in directories created 0700. Where the file system has no POSIX permissions
 * (Windows), the platform's defaults apply.
 */
public final class PrivateFiles {

	private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);

	/** Owner read and write: {@code rw-------}. */
	public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	/**
	 * Writes {@code content} to {@code file}, creating it (and missing parent
	 * directories) owner-only, and tightening it first if it exists with looser
	 * permissions, so the secret is never readable by others, not even for a moment.
	 */
	public static void write(Path file, byte[] content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			Files.createDirectories(parent, attributes(parent, OWNER_ONLY_DIRECTORY));
		}
		try {
			Files.createFile(file, attributes(file, OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			tighten(file);
		}
		Files.write(file, content);
	}

	/**
	 * Makes an existing {@code file} owner-only if it is readable or writable by others
	 * (a file written by an older build); returns whether it changed anything.
	 */
	public static boolean tighten(Path file) throws IOException {
		if (!posix(file) || !Files.exists(file)) {
			return false;
		}
		Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
		if (current.equals(OWNER_ONLY)) {
			return false;
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		log.info("Restricted {} to its owner (mode 0600; it was {})", file, PosixFilePermissions.toString(current));
		return true;
	}

	private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
		return posix(path) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
