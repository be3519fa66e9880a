package com.threadline.chat.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.system.ApiException;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tenant.Caller;

/**
 * Files of a tenant: an end user sees only their own uploads, an API key all of its
 * tenant's. Bytes stream to {@link FileStorage} outside any transaction; the metadata row
 * is written after, once the size is known and fits the tenant's quota.
 */
@Service
public class FileService {

	/** Enough for Tika's magic numbers, which lie within the first few kilobytes. */
	private static final int DETECTION_BUFFER = 64 * 1024;

	private final StoredFiles files;

	private final FileStorage storage;

	private final StorageQuota quota;

	private final FileProperties properties;

	private final FileUrls urls;

	private final TransactionTemplate transactions;

	FileService(StoredFiles files, FileStorage storage, StorageQuota quota, FileProperties properties, FileUrls urls,
			PlatformTransactionManager transactionManager) {
		this.files = files;
		this.storage = storage;
		this.quota = quota;
		this.properties = properties;
		this.urls = urls;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * An upload by a caller (a user token's upload belongs to that user): streamed to
	 * storage, within the size limit and the tenant's storage quota, media type detected
	 * from the bytes.
	 */
	public FileView upload(Caller caller, String purpose, String filename, InputStream content) {
		return write(caller.tenantId(), caller.user(), Purposes.upload(purpose), Filenames.checked(filename), content);
	}

	/**
	 * A file the server produced (e.g. purpose {@code assistants_output} from
	 * code_interpreter) for a tenant and the thread's user (nullable). Same limits as an
	 * upload.
	 */
	public FileView store(String tenantId, @Nullable String user, String purpose, String filename,
			InputStream content) {
		return write(tenantId, user, purpose, Filenames.checked(filename), content);
	}

	/** The file as this caller may see it; otherwise a 404. */
	@Transactional(readOnly = true)
	public FileView get(Caller caller, String fileId) {
		return FileView.of(load(caller, fileId));
	}

	/**
	 * Checks that every id is a file the caller may see; returns them in order. Otherwise
	 * a 400 naming {@code param[index]}.
	 */
	@Transactional(readOnly = true)
	public List<FileView> require(Caller caller, List<String> fileIds, String param) {
		Map<String, StoredFile> found = byId(caller.tenantId(), fileIds);
		for (int i = 0; i < fileIds.size(); i++) {
			StoredFile file = found.get(fileIds.get(i));
			if (file == null || !caller.mayAccess(file.user)) {
				throw ApiException.invalid("%s[%d]".formatted(param, i),
						"No file found with id '%s'.".formatted(fileIds.get(i)));
			}
		}
		return fileIds.stream().map(id -> FileView.of(found.get(id))).toList();
	}

	/**
	 * The files of the tenant with these ids that still exist, in order, skipping the
	 * gone ones.
	 */
	@Transactional(readOnly = true)
	public List<FileView> existing(String tenantId, List<String> fileIds) {
		Map<String, StoredFile> found = byId(tenantId, fileIds);
		return fileIds.stream().filter(found::containsKey).map(id -> FileView.of(found.get(id))).toList();
	}

	/** The bytes of a file of the tenant, streamed; the caller closes it. */
	public InputStream open(String tenantId, String fileId) {
		StoredFile file = this.transactions
			.execute(status -> this.files.findByTenantIdAndId(tenantId, fileId).orElse(null));
		if (file == null) {
			throw FileErrors.notFound(fileId);
		}
		try {
			return this.storage.open(file.storageKey);
		}
		catch (IOException ex) {
			throw FileErrors.notFound(fileId);
		}
	}

	/**
	 * An image file as a URL a model provider can read (a data URL, or a signed URL when
	 * {@code chat.files.public-base-url} is set); empty if gone or not an image.
	 */
	public Optional<String> imageUrl(String tenantId, String fileId) {
		Optional<FileView> file = existing(tenantId, List.of(fileId)).stream().findFirst();
		return file.filter(view -> MediaTypes.IMAGES.contains(view.mediaType()))
			.flatMap(view -> this.urls.imageUrl(tenantId, view, () -> open(tenantId, fileId)));
	}

	@Transactional(readOnly = true)
	ListPage<FileView> list(Caller caller, @Nullable String purpose, ListQuery query) {
		String wanted = Purposes.filter(purpose);
		SeqWindow window = query.window(id -> this.files.findByTenantIdAndId(caller.tenantId(), id)
			.filter(file -> caller.mayAccess(file.user))
			.map(file -> file.seq));
		return window.page(this.files.page(caller.tenantId(), caller.user(), wanted, window.lo(), window.hi(),
				window.sort(), window.limit()), FileView::of, FileView::id);
	}

	/** Deletes the file's row, then its bytes. */
	void delete(Caller caller, String fileId) {
		StoredFile file = this.transactions.execute(status -> {
			StoredFile found = load(caller, fileId);
			this.files.delete(found);
			return found;
		});
		try {
			this.storage.delete(file.storageKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the bytes of " + fileId, ex);
		}
	}

	/** What a file holds as the tenant stored it: its view and its bytes. */
	Content content(Caller caller, String fileId) {
		StoredFile file = this.transactions.execute(status -> load(caller, fileId));
		return new Content(FileView.of(file), () -> this.storage.open(file.storageKey));
	}

	/** A file and how to read its bytes (without the database: off any tenant scope). */
	record Content(FileView file, Callable<InputStream> bytes) {
	}

	private FileView write(String tenantId, @Nullable String user, String purpose, String filename,
			InputStream content) {
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

	private StoredFile load(Caller caller, String fileId) {
		return this.files.findByTenantIdAndId(caller.tenantId(), fileId)
			.filter(file -> caller.mayAccess(file.user))
			.orElseThrow(() -> FileErrors.notFound(fileId));
	}

	private Map<String, StoredFile> byId(String tenantId, List<String> fileIds) {
		if (fileIds.isEmpty()) {
			return Map.of();
		}
		return this.files.findByTenantIdAndIdIn(tenantId, fileIds)
			.stream()
			.collect(Collectors.toMap(file -> file.id, Function.identity()));
	}

}
