package com.threadline.chat.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.file.storage.FileStorage;
import com.threadline.chat.system.ApiException;
import com.threadline.chat.tenant.Caller;

/**
 * Files of a tenant: an end user sees only their own uploads, an API key all of its
 * tenant's. Uploads go through {@link FileUploads}; the Files API's own listing, download
 * and deletion through {@link FileCatalog}.
 */
@Service
public class FileService {

	private final StoredFiles files;

	private final FileStorage storage;

	private final FileUploads uploads;

	private final FileUrls urls;

	private final TransactionTemplate transactions;

	FileService(StoredFiles files, FileStorage storage, FileUploads uploads, FileUrls urls,
			PlatformTransactionManager transactionManager) {
		this.files = files;
		this.storage = storage;
		this.uploads = uploads;
		this.urls = urls;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * An upload by a caller (a user token's upload belongs to that user): streamed to
	 * storage, within the size limit and the tenant's storage quota, media type detected
	 * from the bytes.
	 */
	public FileView upload(Caller caller, String purpose, String filename, InputStream content) {
		return this.uploads.write(caller.tenantId(), caller.user(), Purposes.upload(purpose),
				Filenames.checked(filename), content);
	}

	/**
	 * A file the server produced (e.g. purpose {@code assistants_output} from
	 * code_interpreter) for a tenant and the thread's user (nullable). Same limits as an
	 * upload.
	 */
	public FileView store(String tenantId, @Nullable String user, String purpose, String filename,
			InputStream content) {
		return this.uploads.write(tenantId, user, purpose, Filenames.checked(filename), content);
	}

	/** The file as this caller may see it; otherwise a 404. */
	@Transactional(readOnly = true)
	public FileView get(Caller caller, String fileId) {
		return FileView.of(this.files.visible(caller, fileId));
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
	 * Checks that {@code fileId} is a file the caller may see, else a 400 naming
	 * {@code param} (e.g. {@code attachments[0].file_id}).
	 */
	@Transactional(readOnly = true)
	public FileView requireOne(Caller caller, String fileId, String param) {
		return this.files.findByTenantIdAndId(caller.tenantId(), fileId)
			.filter(file -> caller.mayAccess(file.user))
			.map(FileView::of)
			.orElseThrow(() -> ApiException.invalid(param, "No file found with id '%s'.".formatted(fileId)));
	}

	/**
	 * Checks {@code tool_resources} (of a thread or an assistant, named {@code param}):
	 * {@code code_interpreter.file_ids} at most 20 files the caller may see, else a 400
	 * naming {@code param.code_interpreter.file_ids[i]}. Returns the ids.
	 */
	@Transactional(readOnly = true)
	public List<String> requireToolResources(Caller caller, @Nullable JsonNode toolResources, String param) {
		List<String> ids = ToolResourceFiles.codeInterpreter(toolResources, param);
		require(caller, ids, param + ".code_interpreter.file_ids");
		return ids;
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

	private Map<String, StoredFile> byId(String tenantId, List<String> fileIds) {
		if (fileIds.isEmpty()) {
			return Map.of();
		}
		return this.files.findByTenantIdAndIdIn(tenantId, fileIds)
			.stream()
			.collect(Collectors.toMap(file -> file.id, Function.identity()));
	}

}
