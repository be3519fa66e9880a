package com.threadline.chat.thread.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.thread.ReplyFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's reply: the images its code showed, then its text citing the files it wrote. */
class ReplyContentTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void putsImagesBeforeTheTextAndAnnotatesCitedFiles() {
		String text = "Chart above; data: [x.csv](sandbox:/mnt/data/x.csv). Also sandbox:/mnt/data/x.csv.bak";
		ReplyFiles files = new ReplyFiles(List.of("file-img"),
				Map.of("sandbox:/mnt/data/x.csv", "file-csv", "sandbox:/mnt/data/x.csv.bak", "file-bak"));
		int start = text.indexOf("sandbox:");
		int later = text.lastIndexOf("sandbox:");
		assertThat(ReplyContent.of(text, files)).isEqualTo(JSON.readTree("""
				[{"type": "image_file", "image_file": {"file_id": "file-img"}},
				 {"type": "text", "text": {"value": %s, "annotations": [
				  {"type": "file_path", "text": "sandbox:/mnt/data/x.csv", "start_index": %d, "end_index": %d,
				   "file_path": {"file_id": "file-csv"}},
				  {"type": "file_path", "text": "sandbox:/mnt/data/x.csv.bak", "start_index": %d, "end_index": %d,
				   "file_path": {"file_id": "file-bak"}}]}}]""".formatted(JSON.writeValueAsString(text), start,
				start + 23, later, later + 27)));
	}

	@Test
	void countsIndexesInCodePointsAndSkipsOtherNames() {
		String text = "😀 sandbox:/mnt/data/a.csv and sandbox:/mnt/data/a.csvx";
		var content = ReplyContent.of(text, new ReplyFiles(List.of(), Map.of("sandbox:/mnt/data/a.csv", "file-a")));
		var annotations = content.get(0).at("/text/annotations");
		assertThat(annotations).hasSize(1);
		assertThat(annotations.get(0).get("start_index").asInt()).isEqualTo(2);
		assertThat(annotations.get(0).get("end_index").asInt()).isEqualTo(25);
	}

	@Test
	void aReplyWithoutFilesIsItsText() {
		assertThat(ReplyContent.of("Hi", ReplyFiles.NONE))
			.isEqualTo(JSON.readTree("[{\"type\": \"text\", \"text\": {\"value\": \"Hi\", \"annotations\": []}}]"));
		assertThat(ReplyContent.of("", new ReplyFiles(List.of("file-img"), Map.of())))
			.isEqualTo(JSON.readTree("[{\"type\": \"image_file\", \"image_file\": {\"file_id\": \"file-img\"}}]"));
	}

}
