package com.threadline.chat.thread;

import java.util.List;
import java.util.Map;

/**
 * The files a run's tools produced that its reply shows: images as {@code image_file}
 * parts before the text, and links the text may cite (such as
 * {@code sandbox:/mnt/data/x.csv}) as {@code file_path} annotations.
 *
 * @param images the file ids of the images, in order
 * @param links the file id of each link text
 */
public record ReplyFiles(List<String> images, Map<String, String> links) {

	/** A reply that shows no file. */
	public static final ReplyFiles NONE = new ReplyFiles(List.of(), Map.of());

	public ReplyFiles {
		images = List.copyOf(images);
		links = Map.copyOf(links);
	}

}
