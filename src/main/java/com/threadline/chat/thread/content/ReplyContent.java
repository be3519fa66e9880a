package com.threadline.chat.thread.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.threadline.chat.thread.ReplyFiles;

/**
 * The content of a run's reply as OpenAI wrote it: the images its tools showed, then its
 * text, annotated where it cites a file the tools wrote. Annotation indexes count code
 * points, as OpenAI's (Python) indexes do.
 */
public final class ReplyContent {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ReplyContent() {
	}

	private record Cited(int start, int end, String fileId) {
	}

	public static ArrayNode of(String text, ReplyFiles files) {
		ArrayNode content = NODES.arrayNode();
		for (String image : files.images()) {
			content.add(NODES.objectNode()
				.put("type", "image_file")
				.set("image_file", NODES.objectNode().put("file_id", image)));
		}
		if (!text.isEmpty()) {
			ObjectNode part = MessageContent.text(text);
			ArrayNode annotations = (ArrayNode) part.path("text").path("annotations");
			for (Cited cited : cited(text, files.links())) {
				annotations.add(NODES.objectNode()
					.put("type", "file_path")
					.put("text", text.substring(cited.start(), cited.end()))
					.put("start_index", text.codePointCount(0, cited.start()))
					.put("end_index", text.codePointCount(0, cited.end()))
					.set("file_path", NODES.objectNode().put("file_id", cited.fileId())));
			}
			content.add(part);
		}
		return content;
	}

	/** Every whole citation of a link in the text, in order; the longest link wins. */
	private static List<Cited> cited(String text, Map<String, String> links) {
		List<Cited> found = new ArrayList<>();
		links.forEach((link, fileId) -> {
			for (int at = text.indexOf(link); at >= 0; at = text.indexOf(link, at + 1)) {
				if (endsName(text, at + link.length())) {
					found.add(new Cited(at, at + link.length(), fileId));
				}
			}
		});
		found.sort(Comparator.comparingInt(Cited::start).thenComparing(Comparator.comparingInt(Cited::end).reversed()));
		List<Cited> kept = new ArrayList<>();
		for (Cited cited : found) {
			if (kept.isEmpty() || cited.start() >= kept.getLast().end()) {
				kept.add(cited);
			}
		}
		return kept;
	}

	/** Whether a file name ends here (a full stop ending a sentence does not go on). */
	private static boolean endsName(String text, int at) {
		if (at == text.length()) {
			return true;
		}
		char next = text.charAt(at);
		if (next == '.') {
			return at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1));
		}
		return !Character.isLetterOrDigit(next) && next != '_' && next != '-' && next != '/';
	}

}
