package com.threadline.chat.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's two walls against markup that would make the browser call another site: the
 * sanitiser keeps only images of the page's own origin or {@code data:}, and the
 * Content-Security-Policy stops what gets past it. {@link OtherOrigin} stands for the
 * other site and tells whether it was reached.
 */
class PagePolicyTests extends BrowserTest {

	private static final String DOT = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

	/** Renders {@code markdown} with js/markdown.js and describes what became of it. */
	private static final String RENDER = """
			const [markdown, done] = arguments;
			(async () => {
			  const { renderMarkdown } = await import('./js/markdown.js');
			  const box = document.createElement('div');
			  document.body.append(box);
			  renderMarkdown(box, markdown);
			  const loaded = await Promise.all([...box.querySelectorAll('img')]
			    .map((img) => img.decode().then(() => true, () => false)));
			  await new Promise((resolve) => setTimeout(resolve, 300));
			  const images = [...box.querySelectorAll('img')].map((img, i) => ({ alt: img.alt,
			    src: img.getAttribute('src'), srcset: img.getAttribute('srcset'), loaded: loaded[i] }));
			  const others = [...box.querySelectorAll('source, video, table, td')].map((el) => el.tagName + ' '
			    + ['src', 'srcset', 'poster', 'background'].filter((a) => el.hasAttribute(a)).join(','));
			  box.remove();
			  return JSON.stringify({ images, others });
			})().then(done, (e) => done('failed: ' + e));
			""";

	/**
	 * Puts markup into the page past the sanitiser and collects the policy's violations.
	 */
	private static final String BYPASS = """
			const [html, done] = arguments;
			const violations = [];
			document.addEventListener('securitypolicyviolation',
			  (e) => violations.push(e.effectiveDirective + ' ' + e.blockedURI));
			(async () => {
			  const policy = (await fetch('./', { cache: 'no-store' })).headers.get('content-security-policy');
			  const box = document.createElement('div');
			  box.innerHTML = html;
			  document.body.append(box);
			  await new Promise((resolve) => setTimeout(resolve, 500));
			  return JSON.stringify({ policy, violations, ran: window.ranInline ?? null,
			    color: getComputedStyle(box.querySelector('p')).color });
			})().then(done, (e) => done('failed: ' + e));
			""";

	private OtherOrigin evil;

	@BeforeEach
	void openPage() {
		this.evil = new OtherOrigin();
		this.browser.open("/");
	}

	@AfterEach
	void stopOtherOrigin() {
		this.evil.close();
	}

	@Test
	void modelMarkdownLoadsImagesOfThePagesOwnOriginAndDataButNeverAnotherSites() {
		String markdown = """
				![own](favicon.svg) ![dot](%s) ![leak](%s)

				<img alt="raw" src="%s"> <img alt="relative-scheme" src="%s">
				<img alt="srcset" srcset="%s 1x"> <img alt="mixed" src="favicon.svg" srcset="favicon.svg 1x, %s 2x">

				<picture><source srcset="%s"><img alt="picture" src="favicon.svg"></picture>

				<video poster="%s"></video>

				<table background="%s"><tr><td background="%s">cell</td></tr></table>
				""".formatted(DOT, this.evil.url("/markdown?q=secret"), this.evil.url("/raw"),
				this.evil.url("/relative-scheme").replaceFirst("^http:", ""), this.evil.url("/srcset"),
				this.evil.url("/mixed"), this.evil.url("/source"), this.evil.url("/poster"), this.evil.url("/table"),
				this.evil.url("/cell"));

		JsonNode rendered = Api.json((String) this.browser.asyncScript(RENDER, markdown));

		assertThat(this.evil.requests()).as("requests that reached the other site").isEmpty();
		assertThat(rendered.get("images").valueStream().map(i -> i.get("alt").asString() + " " + i.get("loaded")))
			.containsExactly("own true", "dot true", "leak false", "raw false", "relative-scheme false", "srcset false",
					"mixed true", "picture true");
		assertThat(rendered.get("images").valueStream().filter(i -> !i.get("src").isNull()))
			.extracting(i -> i.get("src").asString())
			.containsExactly("favicon.svg", DOT, "favicon.svg", "favicon.svg");
		assertThat(rendered.get("images").valueStream()).allMatch(i -> i.get("srcset").isNull());
		assertThat(rendered.get("others").valueStream().map(JsonNode::asString)).containsExactly("SOURCE ", "VIDEO ",
				"TABLE ", "TD ");
	}

	@Test
	void thePolicyStopsAnOtherSitesImageInlineScriptAndInlineStyleThatGetPastTheSanitiser() {
		String html = "<img src=\"%s\"><img src=\"favicon.svg#x\" onload=\"window.ranInline = true\">"
			.formatted(this.evil.url("/past-the-sanitiser")) + "<p style=\"color: rgb(255, 0, 0)\">red?</p>";

		JsonNode result = Api.json((String) this.browser.asyncScript(BYPASS, html));

		assertThat(this.evil.requests()).as("requests that reached the other site").isEmpty();
		assertThat(result.get("policy").asString()).contains("img-src 'self' data: blob:")
			.contains("connect-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(result.get("ran").isNull()).as("the inline handler did not run").isTrue();
		assertThat(result.get("color").asString()).isNotEqualTo("rgb(255, 0, 0)");
		assertThat(result.get("violations").valueStream().map(JsonNode::asString))
			.anyMatch(v -> v.startsWith("img-src " + this.evil.url("")))
			.contains("script-src-attr inline", "style-src-attr inline");
		List<String> console = Browser.policyViolations(this.browser.console());
		assertThat(console).as("the console shows what the policy refused, as the other tests rely on").isNotEmpty();
	}

}
