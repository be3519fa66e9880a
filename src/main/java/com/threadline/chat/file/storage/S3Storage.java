package com.threadline.chat.file.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import com.threadline.chat.system.ObjectIds;
import com.threadline.chat.system.PrivateFiles;

/**
 * Objects in an S3-compatible bucket. An upload is first streamed to an owner-only
 * temporary file, so the object is put with its length known and nothing larger than a
 * copy buffer is ever in memory; the file is removed once the object is stored.
 */
public class S3Storage implements FileStorage {

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	S3Storage(S3Client client, String bucket, String prefix) {
		this.client = client;
		this.bucket = bucket;
		this.prefix = prefix;
	}

	public static S3Storage of(S3Settings settings) {
		if (settings.bucket().isBlank()) {
			throw new IllegalStateException("chat.files.storage=s3 needs chat.files.s3.bucket");
		}
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			// Checksums only where the API demands them: S3-compatible stores (MinIO's
			// older
			// releases, S3Proxy, Ceph) reject the SDK's newer default trailing checksums.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(settings.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
					: StaticCredentialsProvider
						.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return new S3Storage(builder.build(), settings.bucket(), settings.prefix());
	}

	@Override
	public Written write(InputStream content) throws IOException {
		String key = ObjectIds.random(32);
		Path spool = Files.createTempFile("threadline-upload-", ".part", ownerOnly());
		try {
			long bytes;
			try (OutputStream out = Files.newOutputStream(spool)) {
				bytes = content.transferTo(out);
			}
			this.client.putObject(put -> put.bucket(this.bucket).key(this.prefix + key).contentLength(bytes),
					RequestBody.fromFile(spool));
			return new Written(key, bytes);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.client.getObject(get -> get.bucket(this.bucket).key(this.prefix + key));
		}
		catch (NoSuchKeyException ex) {
			throw new IOException("No object " + key, ex);
		}
	}

	@Override
	public void delete(String key) {
		this.client.deleteObject(delete -> delete.bucket(this.bucket).key(this.prefix + key));
	}

	private static FileAttribute<?>[] ownerOnly() {
		return Path.of(System.getProperty("java.io.tmpdir"))
			.getFileSystem()
			.supportedFileAttributeViews()
			.contains("posix")
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY) }
					: new FileAttribute<?>[0];
	}

}
