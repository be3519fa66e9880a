package com.threadline.chat.tool.code;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.threadline.chat.file.FileService;
import com.threadline.chat.file.FileView;

/**
 * A session's files are the tenant's Files: the run's files are read from them, and what
 * the code wrote is stored as {@code assistants_output} for the thread's user.
 */
final class TenantFiles implements SessionFiles {

	static final String PURPOSE = "assistants_output";

	private final FileService files;

	private final long maxBytes;

	TenantFiles(FileService files, long maxBytes) {
		this.files = files;
		this.maxBytes = maxBytes;
	}

	@Override
	public List<Incoming> existing(String tenantId, List<String> fileIds) {
		return this.files.existing(tenantId, fileIds)
			.stream()
			.map(file -> (Incoming) new Stored(tenantId, file))
			.toList();
	}

	@Override
	public String store(String tenantId, @Nullable String user, String filename, byte[] content) {
		return this.files.store(tenantId, user, PURPOSE, filename, new ByteArrayInputStream(content)).id();
	}

	private final class Stored implements Incoming {

		private final String tenantId;

		private final FileView file;

		Stored(String tenantId, FileView file) {
			this.tenantId = tenantId;
			this.file = file;
		}

		@Override
		public String id() {
			return this.file.id();
		}

		@Override
		public String filename() {
			return this.file.filename();
		}

		@Override
		public long bytes() {
			return this.file.bytes();
		}

		@Override
		public byte[] content() {
			try (InputStream in = TenantFiles.this.files.open(this.tenantId, this.file.id())) {
				return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, TenantFiles.this.maxBytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
