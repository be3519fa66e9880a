package com.threadline.chat.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.threadline.chat.tenant.UrlSignatures;

/**
 * Image files as URLs a model provider can read: inline {@code data:} URLs, whose size is
 * the image's (a vision request carries it either way); or, with
 * {@code chat.files.public-base-url} set, short-lived signed URLs of the file's content,
 * which the security chain accepts without a bearer.
 */
@Component
class FileUrls {

	/** Larger images are not inlined: no provider takes a data URL of this size. */
	static final long MAX_INLINE_BYTES = 20L * 1024 * 1024;

	private final FileProperties properties;

	private final UrlSignatures signatures;

	FileUrls(FileProperties properties, UrlSignatures signatures) {
		this.properties = properties;
		this.signatures = signatures;
	}

	Optional<String> imageUrl(String tenantId, FileView file, Supplier<InputStream> bytes) {
		URI base = this.properties.publicBaseUrl();
		if (base != null) {
			return Optional.of(signed(base, tenantId, file.id()));
		}
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

	private String signed(URI base, String tenantId, String fileId) {
		long expires = Instant.now().plus(this.properties.signedUrlTtl()).getEpochSecond();
		String root = base.toString().replaceAll("/+$", "");
		return "%s/v1/files/%s/content?tenant=%s&expires=%d&signature=%s".formatted(root, fileId,
				URLEncoder.encode(tenantId, StandardCharsets.UTF_8), expires,
				this.signatures.sign(tenantId, fileId, expires));
	}

}
