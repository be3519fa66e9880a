package com.threadline.chat.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.file.storage.FileStorage;
import com.threadline.chat.system.ObjectIds;

/**
 * The upload path: bytes stream to {@link FileStorage} outside any transaction, bounded
 * by the size limit and the tenant's free quota; the metadata row is written after, under
 * the tenant's quota lock, once the size is known.
 */
@Component
class FileUploads {

	/** Enough for Tika's magic numbers, which lie within the first few kilobytes. */
	private static final int DETECTION_BUFFER = 64 * 1024;

	private final StoredFiles files;

	private final FileStorage storage;

	private final StorageQuota quota;

	private final FileProperties properties;

	private final TransactionTemplate transactions;

	FileUploads(StoredFiles files, FileStorage storage, StorageQuota quota, FileProperties properties,
			PlatformTransactionManager transactionManager) {
		this.files = files;
		this.storage = storage;
		this.quota = quota;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Stores {@code content} as a file of the tenant (and user); the name is checked. */
	FileView write(String tenantId, @Nullable String user, String purpose, String filename, InputStream content) {
		long maxBytes = this.properties.maxBytes().toBytes();
		long quotaBytes = this.quota.of(tenantId);
		long free = quotaBytes - this.transactions.execute(status -> this.files.bytesOf(tenantId));
		InputStream bounded = (free < maxBytes)
				? new BoundedInput(content, Math.max(free, 0), () -> FileErrors.overQuota(quotaBytes))
				: new BoundedInput(content, maxBytes, () -> FileErrors.tooLarge(maxBytes));
		FileStorage.Written written;
		String mediaType;
		try (InputStream buffered = new BufferedInputStream(bounded, DETECTION_BUFFER)) {
			mediaType = MediaTypes.detect(buffered, filename);
			written = this.storage.write(buffered);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store an upload", ex);
		}
		try {
			return this.transactions.execute(status -> {
				this.files.lockQuota(tenantId);
				if (this.files.bytesOf(tenantId) + written.bytes() > quotaBytes) {
					throw FileErrors.overQuota(quotaBytes);
				}
				return FileView.of(this.files.saveAndFlush(new StoredFile("file-" + ObjectIds.random(24), tenantId,
						user, filename, purpose, written, mediaType)));
			});
		}
		catch (RuntimeException ex) {
			deleteQuietly(written.key(), ex);
			throw ex;
		}
	}

	private void deleteQuietly(String key, RuntimeException cause) {
		try {
			this.storage.delete(key);
		}
		catch (IOException ex) {
			cause.addSuppressed(ex);
		}
	}

}
