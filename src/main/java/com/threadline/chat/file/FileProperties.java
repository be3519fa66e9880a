package com.threadline.chat.file;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.threadline.chat.file.storage.S3Settings;

/**
 * Files: where the bytes go and how much of them a tenant may keep.
 *
 * @param maxBytes the largest file one upload may hold
 * @param storagePerTenant the most bytes of files one tenant may keep (an operator may
 * override it per tenant as {@code storage_bytes})
 * @param storage {@code directory} (default) or {@code s3}
 * @param directory where the directory storage keeps the bytes, created owner-only
 * @param maxParts the most parts of one multipart upload
 * @param maxHeadersBytes the most bytes of one part's headers
 * @param publicBaseUrl when set, images reach model providers as short-lived signed URLs
 * under this base instead of data URLs
 * @param signedUrlTtl how long a signed URL stays valid
 * @param s3 the S3-compatible store, for {@code storage=s3}
 */
@ConfigurationProperties("chat.files")
record FileProperties(@DefaultValue("512MB") DataSize maxBytes, @DefaultValue("10GB") DataSize storagePerTenant,
		@DefaultValue("directory") String storage, Path directory, @DefaultValue("8") int maxParts,
		@DefaultValue("8KB") DataSize maxHeadersBytes, @Nullable URI publicBaseUrl,
		@DefaultValue("5m") Duration signedUrlTtl, @DefaultValue S3Settings s3) {

}
