package com.threadline.chat.file;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's file object. JSON: id, object ({@code file}), bytes, created_at, expires_at
 * (null), filename, purpose, status ({@code processed}), status_details (null). The
 * detected media type and the owning user are not part of it.
 */
public record FileView(String id, String object, long bytes, long createdAt, @Nullable Long expiresAt, String filename,
		String purpose, String status, @Nullable String statusDetails, @JsonIgnore String mediaType,
		@JsonIgnore @Nullable String user) {

	static FileView of(StoredFile file) {
		return new FileView(file.id, "file", file.bytes, file.createdAt.getEpochSecond(), null, file.filename,
				file.purpose, "processed", null, file.mediaType, file.user);
	}

}
