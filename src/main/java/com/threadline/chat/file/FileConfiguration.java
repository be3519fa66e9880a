package com.threadline.chat.file;

import java.io.IOException;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;

import com.threadline.chat.file.storage.DirectoryStorage;
import com.threadline.chat.file.storage.FileStorage;
import com.threadline.chat.file.storage.S3Storage;

/**
 * The storage the configuration names, and multipart parsing bounded for uploads: a part
 * larger than a small buffer goes to a temporary file, never to memory, and a part past
 * {@code chat.files.max-bytes} ends the parse.
 */
@Configuration(proxyBeanMethods = false)
class FileConfiguration {

	/** A part's bytes held in memory before it moves to a temporary file. */
	static final int IN_MEMORY_BYTES = 256 * 1024;

	@Bean
	FileStorage fileStorage(FileProperties properties) throws IOException {
		return switch (properties.storage()) {
			case "directory" -> new DirectoryStorage(properties.directory());
			case "s3" -> S3Storage.of(properties.s3());
			default -> throw new IllegalStateException(
					"chat.files.storage must be 'directory' or 's3', not '%s'".formatted(properties.storage()));
		};
	}

	/** After Spring Boot's own multipart settings (order 0), which it refines. */
	@Bean
	@Order(10)
	CodecCustomizer uploadLimits(FileProperties properties) {
		return configurer -> configurer.defaultCodecs().configureDefaultCodec(codec -> {
			if (codec instanceof DefaultPartHttpMessageReader reader) {
				reader.setMaxInMemorySize(IN_MEMORY_BYTES);
				reader.setMaxDiskUsagePerPart(properties.maxBytes().toBytes());
				reader.setMaxParts(properties.maxParts());
				reader.setMaxHeadersSize((int) properties.maxHeadersBytes().toBytes());
			}
		});
	}

}
