package com.threadline.chat.file.storage;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An S3-compatible store (AWS, MinIO, Ceph, ...), bound as {@code chat.files.s3}.
 *
 * @param endpoint the store's URL; empty for AWS's own, by region
 * @param region the signing region
 * @param bucket the bucket the objects go in (it must exist)
 * @param accessKey the access key id; empty for the SDK's default credentials
 * @param secretKey the secret access key
 * @param pathStyle path-style addressing ({@code host/bucket/key}), as MinIO wants
 * @param prefix a key prefix inside the bucket
 */
public record S3Settings(@Nullable URI endpoint, @DefaultValue("us-east-1") String region,
		@DefaultValue("") String bucket, @DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
		@DefaultValue("true") boolean pathStyle, @DefaultValue("files/") String prefix) {
}
