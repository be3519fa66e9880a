package com.threadline.chat.file;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileDeleted;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.threadline.chat.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The official openai-java client's Files API against the server. */
class FileSdkTests extends IntegrationTest {

	@Test
	void officialClientCreatesRetrievesListsReadsAndDeletesAFile(@TempDir Path directory) throws Exception {
		OpenAIClient client = OpenAIOkHttpClient.builder()
			.baseUrl(this.api.baseUrl() + "/v1")
			.apiKey(this.api.newTenant("Sdk files").apiKey())
			.build();
		Path csv = directory.resolve("scores.csv");
		Files.writeString(csv, "name,score\nada,3\n");

		FileObject created = client.files()
			.create(FileCreateParams.builder().file(csv).purpose(FilePurpose.ASSISTANTS).build())
			.validate();
		assertThat(created.id()).startsWith("file-");
		assertThat(created.filename()).isEqualTo("scores.csv");
		assertThat(created.bytes()).isEqualTo(Files.size(csv));
		assertThat(created.purpose()).isEqualTo(FileObject.Purpose.ASSISTANTS);
		assertThat(created.status()).isEqualTo(FileObject.Status.PROCESSED);

		assertThat(client.files().retrieve(created.id()).validate().id()).isEqualTo(created.id());
		assertThat(client.files().list(FileListParams.builder().purpose("assistants").build()).data())
			.extracting(FileObject::id)
			.containsExactly(created.id());
		try (HttpResponse content = client.files().content(created.id()); InputStream body = content.body()) {
			assertThat(body.readAllBytes()).isEqualTo(Files.readAllBytes(csv));
		}
		FileDeleted deleted = client.files().delete(created.id()).validate();
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.id()).isEqualTo(created.id());
		assertThat(client.files().list().data()).isEmpty();
	}

}
