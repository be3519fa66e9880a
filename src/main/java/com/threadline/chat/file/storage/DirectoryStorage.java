package com.threadline.chat.file.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.PrivateFiles;

/**
 * One file per object in a directory (mode 0700, files 0600), written under a temporary
 * name and moved into place, so a reader never sees half an object.
 */
public class DirectoryStorage implements FileStorage {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{32}");

	private final Path directory;

	public DirectoryStorage(Path directory) throws IOException {
		this.directory = directory.toAbsolutePath().normalize();
		// PrivateFiles creates missing parents owner-only; a marker file is the cheapest
		// way.
		PrivateFiles.write(this.directory.resolve(".threadline-files"), new byte[0]);
	}

	@Override
	public Written write(InputStream content) throws IOException {
		String key = ObjectIds.random(32);
		Path temporary = Files.createTempFile(this.directory, "upload-", ".part", ownerOnly());
		try {
			long bytes;
			try (OutputStream out = Files.newOutputStream(temporary)) {
				bytes = content.transferTo(out);
			}
			Files.move(temporary, path(key), StandardCopyOption.ATOMIC_MOVE);
			return new Written(key, bytes);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(path(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(path(key));
	}

	private Path path(String key) {
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a storage key: " + key);
		}
		return this.directory.resolve(key);
	}

	private FileAttribute<?>[] ownerOnly() {
		return this.directory.getFileSystem().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

}
