package com.threadline.chat.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The media type of a file, detected from its first bytes (magic numbers) and, where the
 * bytes allow several, refined by the name; what the client claims is never asked.
 */
final class MediaTypes {

	/** The image types model providers read. */
	static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private static final Tika TIKA = new Tika();

	private MediaTypes() {
	}

	/**
	 * Detects the type of {@code content}, which must support mark and reset: Tika reads
	 * a bounded prefix and resets, so the bytes are then read again from the start.
	 */
	static String detect(InputStream content, String filename) throws IOException {
		return TIKA.detect(content, filename);
	}

}
