package com.threadline.chat.web;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.threadline.chat.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message's images in the page: an inline {@code image_url} shows in order with the
 * text, another site's image is only linked (never loaded).
 */
class ChatImageTests extends BrowserTest {

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

	long naturalWidth(WebElement image) {
		return ((Number) this.browser.script("return arguments[0].naturalWidth", image)).longValue();
	}

}
