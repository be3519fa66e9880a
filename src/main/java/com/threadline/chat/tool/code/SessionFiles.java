package com.threadline.chat.tool.code;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a session's files come from and go to: the tenant's Files. A seam of its own so
 * the sandbox runs (and is tested) without the Files module.
 */
interface SessionFiles {

	/** The files of the tenant with these ids that still exist, in order. */
	List<Incoming> existing(String tenantId, List<String> fileIds);

	/** Stores a file the code wrote; returns its File id. */
	String store(String tenantId, @Nullable String user, String filename, byte[] content);

	/** A file to copy in; {@code content} is read only when it is not there yet. */
	interface Incoming {

		String id();

		String filename();

		long bytes();

		byte[] content();

	}

	/**
	 * No Files at all: nothing goes in, and written files are reported but not stored.
	 */
	SessionFiles NONE = new SessionFiles() {

		@Override
		public List<Incoming> existing(String tenantId, List<String> fileIds) {
			return List.of();
		}

		@Override
		public String store(String tenantId, @Nullable String user, String filename, byte[] content) {
			throw new UnsupportedOperationException("files are not stored on this server");
		}

	};

}
