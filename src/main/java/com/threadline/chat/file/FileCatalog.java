package com.threadline.chat.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.threadline.chat.file.storage.FileStorage;
import com.threadline.chat.system.ListPage;
import com.threadline.chat.system.ListQuery;
import com.threadline.chat.system.SeqWindow;
import com.threadline.chat.tenant.Caller;

/**
 * What the Files API does for a caller besides uploads: list, download, delete (only the
 * caller's own files for a user token).
 */
@Component
class FileCatalog {

	private final StoredFiles files;

	private final FileStorage storage;

	private final TransactionTemplate transactions;

	FileCatalog(StoredFiles files, FileStorage storage, PlatformTransactionManager transactionManager) {
		this.files = files;
		this.storage = storage;
		this.transactions = new TransactionTemplate(transactionManager);
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
			StoredFile found = this.files.visible(caller, fileId);
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
		StoredFile file = this.transactions.execute(status -> this.files.visible(caller, fileId));
		return new Content(FileView.of(file), () -> this.storage.open(file.storageKey));
	}

	/** A file and how to read its bytes (without the database: off any tenant scope). */
	record Content(FileView file, Callable<InputStream> bytes) {
	}

}
