package com.threadline.chat.web;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;
import com.threadline.chat.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images in the page: an inline {@code image_url} shows in order with a message's text,
 * another site's image is only linked (never loaded), and a code_interpreter run shows
 * its code, its logs and its chart (a File fetched with the user's token).
 */
class ChatImageTests extends BrowserTest {

	private static final Duration RUN = Duration.ofSeconds(60);

	static final String ELSEWHERE = "https://images.example/cat.png";

	@Test
	void aUsersInlineImageShowsBetweenItsTextAndAnotherSitesImageIsOnlyLinked() {
		Account ivy = account("ivy");
		String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(40, 30));
		thread(ivy, "A picture",
				List.of(Map.of("role", "user", "content",
						List.of(Map.of("type", "text", "text", "Look:"),
								Map.of("type", "image_url", "image_url", Map.of("url", png)),
								Map.of("type", "image_url", "image_url", Map.of("url", ELSEWHERE)),
								Map.of("type", "text", "text", "What is it?")))));
		openLink(ivy);
		this.browser.waitUntil(d -> !this.browser.find("thread-list").findElements(By.tagName("button")).isEmpty());
		this.browser.find("thread-list").findElement(By.tagName("button")).click();

		WebElement message = this.browser
			.waitUntil(d -> this.browser.messages("user").stream().findFirst().orElse(null));
		WebElement image = message.findElement(Browser.testId("url-image"));
		this.browser.waitUntil(d -> naturalWidth(image) > 0);
		assertThat(naturalWidth(image)).isEqualTo(40);
		assertThat(message.getText()).startsWith("Look:").endsWith("What is it?");
		WebElement link = message.findElement(Browser.testId("image-link"));
		assertThat(link.getDomAttribute("href")).isEqualTo(ELSEWHERE);
		assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(message.findElements(By.tagName("img"))).hasSize(1);
	}

	@Test
	void aCodeInterpreterRunShowsItsCodeAsItStreamsItsLogsAndTheChartItDrew() {
		Account kai = account("kai", Map.of("model", "gpt-4o-mini", "name", "Analyst", "instructions", "Use code.",
				"tools", List.of(Map.of("type", "code_interpreter"))));
		String code = "import matplotlib.pyplot as plt\nprint('squares:', [n * n for n in range(1, 4)])\n"
				+ "plt.plot([1, 4, 9])\nplt.title('squares')\nplt.show()\n";
		this.model.when(RecordedRequest.lastUserMessageContains("Plot the squares"),
				Script.toolCalls(Script.call("call_plot", "code_interpreter",
						JsonMapper.shared().writeValueAsString(Map.of("code", code)))),
				Script.text("Here is the chart of the squares."));
		openLink(kai);
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Analyst"));
		WebElement input = this.browser.find("message-input");
		input.sendKeys("Plot the squares");
		input.sendKeys(Keys.ENTER);

		WebElement card = this.browser.waitUntil(RUN,
				d -> this.browser.findAll("tool-call")
					.stream()
					.filter(c -> !c.findElements(Browser.testId("file-image")).isEmpty())
					.findFirst()
					.orElse(null));
		assertThat(card.getDomAttribute("data-tool")).isEqualTo("code_interpreter");
		assertThat(card.findElement(Browser.testId("tool-input")).getText()).isEqualTo(code.strip());
		assertThat(card.findElement(Browser.testId("tool-output")).getText()).contains("squares: [1, 4, 9]");
		WebElement chart = card.findElement(Browser.testId("file-image"));
		this.browser.waitUntil(RUN, d -> naturalWidth(chart) > 0);
		assertThat(chart.getDomAttribute("src")).startsWith("blob:");
		this.browser.waitUntil(RUN,
				d -> this.browser.messages("assistant")
					.stream()
					.anyMatch(m -> "completed".equals(m.getDomAttribute("data-status"))
							&& m.getText().contains("Here is the chart")));
		String token = (String) this.browser
			.script("return JSON.parse(sessionStorage.getItem('threadline.session')).token");
		assertThat(this.browser.fetched()).as("the image is fetched with the token in a header")
			.anyMatch(url -> url.contains("/v1/files/") && url.endsWith("/content"))
			.noneMatch(url -> url.contains(token));

		this.browser.find("new-thread").click();
		this.browser.waitUntil(d -> this.browser.messages("user").isEmpty());
		assertThat(this.browser.script("return document.querySelectorAll('img[data-blob]').length")).isEqualTo(0L);
	}

	long naturalWidth(WebElement image) {
		return ((Number) this.browser.script("return arguments[0].naturalWidth", image)).longValue();
	}

}
