package com.threadline.chat.file;

import org.springframework.http.HttpStatus;

import com.threadline.chat.system.ApiException;

/** The Files API's refusals, in OpenAI's envelope. */
final class FileErrors {

	private FileErrors() {
	}

	static ApiException tooLarge(long maxBytes) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", "file", "file_too_large",
				"File is too large: the most one file may hold is %d bytes.".formatted(maxBytes));
	}

	static ApiException overQuota(long quotaBytes) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "insufficient_quota", "file", "storage_quota_exceeded",
				"This upload would exceed your organization's file storage quota of %d bytes; delete files first."
					.formatted(quotaBytes));
	}

	static ApiException notFound(String fileId) {
		return ApiException.notFound("file", fileId);
	}

}
