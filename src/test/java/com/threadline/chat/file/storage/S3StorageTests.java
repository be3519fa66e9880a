package com.threadline.chat.file.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Random;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 storage against a real S3-compatible server: S3Proxy in-process over jclouds'
 * in-memory blob store, spoken to over HTTP with AWS signatures, path-style.
 */
class S3StorageTests {

	private static BlobStoreContext blobs;

	private static S3Proxy server;

	@BeforeAll
	static void start() throws Exception {
		blobs = ContextBuilder.newBuilder("transient").credentials("id", "secret").build(BlobStoreContext.class);
		blobs.getBlobStore().createContainerInLocation(null, "threadline");
		server = S3Proxy.builder()
			.blobStore(blobs.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "s3-secret")
			.build();
		server.start();
		while (!server.getState().equals("STARTED")) {
			Thread.sleep(10);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		server.stop();
		blobs.close();
	}

	@Test
	void writesReadsAndDeletesObjectsByteExact() throws IOException {
		S3Storage storage = S3Storage.of(new S3Settings(URI.create("http://127.0.0.1:" + server.getPort()), "us-east-1",
				"threadline", "access", "s3-secret", true, "files/"));
		byte[] bytes = new byte[3 * 1024 * 1024 + 7];
		new Random(7).nextBytes(bytes);
		FileStorage.Written written = storage.write(new ByteArrayInputStream(bytes));
		assertThat(written.bytes()).isEqualTo(bytes.length);
		assertThat(written.key()).matches("[A-Za-z0-9]{32}");
		assertThat(blobs.getBlobStore().blobExists("threadline", "files/" + written.key())).isTrue();
		try (InputStream in = storage.open(written.key())) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		storage.delete(written.key());
		assertThat(blobs.getBlobStore().blobExists("threadline", "files/" + written.key())).isFalse();
		assertThatThrownBy(() -> storage.open(written.key()).close()).isInstanceOf(IOException.class);
	}

}
