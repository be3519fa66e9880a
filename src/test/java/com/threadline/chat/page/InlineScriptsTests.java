package com.threadline.chat.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash sources a policy needs for a page's inline scripts, computed as a browser
 * does.
 */
class InlineScriptsTests {

	@Test
	void hashesEachInlineScriptAsTheCspSpecificationsExampleDoes() {
		String page = "<head><script>alert('Hello, world.');</script>"
				+ "<script type=\"importmap\">{\"imports\": {}}</script></head>";

		assertThat(InlineScripts.hashSources(page)).hasSize(2)
			.first()
			.isEqualTo("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
	}

	@Test
	void skipsScriptsLoadedFromAFileAndHashesLineEndingsAsTheHtmlParserNormalisesThem() {
		String lf = "<script type=\"importmap\">\n\t{}\n</script>";
		String crlf = "<SCRIPT type=\"importmap\">\r\n\t{}\r\n</SCRIPT>";
		String withFile = "<script type=\"module\" src=\"js/app.js\"></script>";

		assertThat(InlineScripts.hashSources(withFile + crlf)).isEqualTo(InlineScripts.hashSources(lf))
			.hasSize(1)
			.isNotEqualTo(InlineScripts.hashSources("<script type=\"importmap\">{}</script>"));
		assertThat(InlineScripts.hashSources(withFile)).isEmpty();
	}

}
