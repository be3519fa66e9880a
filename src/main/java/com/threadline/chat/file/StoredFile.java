package com.threadline.chat.file;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;

import com.threadline.chat.file.storage.FileStorage;

/** A file's metadata; its bytes are in {@link FileStorage} under {@link #storageKey}. */
@Entity
@Table(name = "files")
class StoredFile {

	@Id
	String id;

	String tenantId;

	@Generated
	@Column(insertable = false, updatable = false)
	@Nullable Long seq;

	Instant createdAt;

	/** The end user who uploaded it; {@code null} for the tenant's own files. */
	@Column(name = "user_id")
	@Nullable String user;

	String filename;

	String purpose;

	long bytes;

	String mediaType;

	String storageKey;

	protected StoredFile() {
	}

	StoredFile(String id, String tenantId, @Nullable String user, String filename, String purpose,
			FileStorage.Written written, String mediaType) {
		this.id = id;
		this.tenantId = tenantId;
		this.user = user;
		this.filename = filename;
		this.purpose = purpose;
		this.bytes = written.bytes();
		this.storageKey = written.key();
		this.mediaType = mediaType;
		this.createdAt = Instant.now();
	}

}
