package com.threadline.chat.file.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where files' bytes live. Keys are made by the storage, never from user input; a write
 * streams (nothing holds a whole file in memory).
 */
public interface FileStorage {

	/** Streams {@code content} to a new object; its size is what was read. */
	Written write(InputStream content) throws IOException;

	/** The bytes of an object; the caller closes the stream. */
	InputStream open(String key) throws IOException;

	/** Removes an object; a missing one is no error. */
	void delete(String key) throws IOException;

	/** A stored object: its key and how many bytes it holds. */
	public record Written(String key, long bytes) {
	}

}
