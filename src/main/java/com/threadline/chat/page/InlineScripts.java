package com.threadline.chat.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The CSP hash sources ({@code 'sha256-…'}) of the inline scripts of the page as it is
 * served, so that editing the import map changes the policy with it instead of silently
 * breaking the page.
 */
final class InlineScripts {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);

	private InlineScripts() {
	}

	/**
	 * The hash sources of {@code index.html} in the first static location that has one
	 * (where Spring Boot's welcome page takes it from), or none.
	 */
	static List<String> ofIndexPage(ResourceLoader loader, String[] staticLocations) {
		for (String location : staticLocations) {
			Resource index = loader.getResource((location.endsWith("/") ? location : location + "/") + "index.html");
			if (index.isReadable()) {
				return hashSources(read(index));
			}
		}
		return List.of();
	}

	/** The hash source of each inline (not {@code src=}) script element of a page. */
	static List<String> hashSources(String html) {
		// The browser hashes the element's text after the HTML parser has normalised line
		// endings to LF, so a page saved with CRLF still matches.
		String page = html.replace("\r\n", "\n").replace('\r', '\n');
		return SCRIPT.matcher(page)
			.results()
			.filter(found -> !SRC.matcher(found.group(1)).find())
			.map(found -> "'sha256-" + sha256(found.group(2)) + "'")
			.distinct()
			.toList();
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
