package com.threadline.chat.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Image files as URLs a model provider can read: inline {@code data:} URLs, whose size is
 * the image's (a vision request carries it either way).
 */
@Component
class FileUrls {

	/** Larger images are not inlined: no provider takes a data URL of this size. */
	static final long MAX_INLINE_BYTES = 20L * 1024 * 1024;

	Optional<String> imageUrl(String tenantId, FileView file, Supplier<InputStream> bytes) {
		if (file.bytes() > MAX_INLINE_BYTES) {
			return Optional.empty();
		}
		try (InputStream in = bytes.get()) {
			return Optional.of("data:%s;base64,%s".formatted(file.mediaType(),
					Base64.getEncoder().encodeToString(in.readAllBytes())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
