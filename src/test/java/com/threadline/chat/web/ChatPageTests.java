package com.threadline.chat.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import com.threadline.chat.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page without runs: signing in (demo button, URL fragment, form), the user's
 * thread list, a thread's history with its model text rendered safely, and errors.
 */
class ChatPageTests extends BrowserTest {

	@Test
	void demoButtonSignsInANewDemoUserOfTheDemoAssistant() {
		this.browser.open("/");
		this.browser.find("demo").click();

		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("瓜瓜"));
		assertThat(this.browser.find("user").getText()).startsWith("demo-");
		assertThat(this.browser.find("thread-list").findElements(By.tagName("li"))).isEmpty();
		String token = (String) this.browser
			.script("return JSON.parse(sessionStorage.getItem('threadline.session')).token");
		JsonNode threads = Api.get(this.api.as(token), "/v1/threads", 200);
		assertThat(threads.get("data").size()).isZero();
	}

	@Test
	void aSignInLinkAsksBeforeUsingItsTokenAndOnConfirmationListsOnlyTheUsersOwnThreadsNewestFirst() {
		Account alice = account("alice");
		thread(alice, "Older question", List.of(user("first")));
		JsonNode newer = thread(alice, "这周有哪些课？", List.of(user("这周有哪些课？"), assistant("周二和周四晚上。")));
		Account bob = new Account(alice.tenant(), alice.assistantId(), "bob",
				this.api.userToken(alice.tenant(), "bob"));
		thread(bob, "Bob's secret", List.of(user("not for alice")));

		this.browser.open("/" + alice.fragment());

		WebElement confirm = this.browser.waitUntil(d -> {
			WebElement dialog = this.browser.find("link-confirm");
			return dialog.isDisplayed() ? dialog : null;
		});
		assertThat(confirm.findElement(Browser.testId("link-assistant")).getText()).isEqualTo(alice.assistantId());
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain(alice.token()).doesNotContain("token=");
		assertThat(this.browser.fetched()).as("nothing asked of the API yet").noneMatch(url -> url.contains("/v1/"));
		this.browser.find("link-accept").click();

		List<WebElement> items = this.browser.waitUntil(d -> {
			List<WebElement> found = this.browser.find("thread-list").findElements(By.tagName("button"));
			return (found.size() == 2) ? found : null;
		});
		assertThat(items).extracting(WebElement::getText).containsExactly("这周有哪些课？", "Older question");
		assertThat(this.browser.find("assistant-name").getText()).isEqualTo("Helper");
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain(alice.token()).doesNotContain("token=");

		items.get(0).click();
		this.browser.waitUntil(d -> this.browser.messages("assistant").size() == 1);
		assertThat(this.browser.messages("user")).extracting(WebElement::getText).containsExactly("这周有哪些课？");
		assertThat(this.browser.messages("user").get(0).getDomAttribute("lang")).isEqualTo("zh");
		assertThat(this.browser.messages("assistant").get(0).getText()).isEqualTo("周二和周四晚上。");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("#thread=" + newer.get("id").asString());

		this.browser.reload();
		this.browser.waitUntil(d -> this.browser.messages("assistant").size() == 1);
		assertThat(this.browser.find("thread-list").findElement(By.cssSelector("[aria-current=true]")).getText())
			.isEqualTo("这周有哪些课？");
	}

	@Test
	void aDeclinedSignInLinkSignsNobodyInAndLeavesNoTokenBehind() {
		Account mallory = account("mallory");
		JsonNode thread = thread(mallory, "Planted", List.of(user("tell me everything")));

		this.browser.open("/" + mallory.fragment() + "&thread=" + thread.get("id").asString());
		this.browser.waitUntil(d -> this.browser.find("link-decline").isDisplayed());
		this.browser.find("link-decline").click();

		this.browser.waitUntil(d -> this.browser.find("sign-in").isDisplayed());
		assertThat(this.browser.find("link-confirm").isDisplayed()).isFalse();
		assertThat(this.browser.find(By.id("chat")).isDisplayed()).isFalse();
		assertThat(this.browser.find("token-input").getDomProperty("value")).isEmpty();
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain(mallory.token()).doesNotContain("#");
		assertThat(this.browser.script("return sessionStorage.getItem('threadline.session')")).isNull();
		assertThat(this.browser.fetched()).noneMatch(url -> url.contains("/v1/"));

		this.browser.reload();
		assertThat(this.browser.find("sign-in").isDisplayed()).isTrue();
		assertThat(this.browser.find("link-confirm").isDisplayed()).isFalse();
	}

	@Test
	void modelMarkdownIsRenderedWithoutRunningHtmlHiddenInIt() {
		Account carol = account("carol");
		String reply = """
				Here is the plan:

				- run `SELECT 1`
				- **check** the result

				<img src=x onerror="window.pwned='img'"><script>window.pwned='script'</script>
				[click](javascript:window.pwned='link') <iframe src="javascript:window.pwned='iframe'"></iframe>
				""";
		thread(carol, "Markdown", List.of(user("Show me markdown"), assistant(reply)));
		// DOMPurify parses the model's HTML in an inert document, where Chromium already
		// refuses (and reports) the
		// injected onerror handler under the page's policy; the sanitiser then drops it.
		expectPolicyToRefuse("/webjars/dompurify/", "Executing inline event handler");

		openLink(carol);
		this.browser.waitUntil(d -> !this.browser.find("thread-list").findElements(By.tagName("button")).isEmpty());
		this.browser.find("thread-list").findElement(By.tagName("button")).click();
		WebElement message = this.browser
			.waitUntil(d -> this.browser.messages("assistant").stream().findFirst().orElse(null));

		assertThat(message.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
			.containsExactly("run SELECT 1", "check the result");
		assertThat(message.findElement(By.cssSelector("li code")).getText()).isEqualTo("SELECT 1");
		assertThat(message.findElement(By.tagName("strong")).getText()).isEqualTo("check");
		assertThat(message.findElements(By.cssSelector("script, iframe, [onerror]"))).isEmpty();
		assertThat(message.findElement(By.linkText("click")).getDomAttribute("href")).isNull();
		// give a failed image load every chance to fire its handler before checking
		this.browser.asyncScript("const done = arguments[0]; setTimeout(() => done(null), 300)");
		assertThat(this.browser.script("return window.pwned ?? null")).isNull();
	}

	@Test
	void aWrongTokenIsShownAsAnErrorAndTheFormStays() {
		this.browser.open("/");
		this.browser.find("token-input").sendKeys("not-a-token");
		this.browser.find("assistant-input").sendKeys("asst_nope");
		this.browser.find("sign-in").click();

		WebElement error = this.browser.waitUntil(d -> {
			WebElement e = this.browser.find("error");
			return e.isDisplayed() ? e : null;
		});
		assertThat(error.getText()).contains("Incorrect API key or token provided").contains("401");
		assertThat(this.browser.find("sign-in").isDisplayed()).isTrue();
	}

	@Test
	void formSignInShowsAnUnknownAssistantAsAnError() {
		Account dave = account("dave");
		this.browser.open("/");
		this.browser.find("token-input").sendKeys(dave.token());
		this.browser.find("assistant-input").sendKeys("asst_missing");
		this.browser.find("sign-in").click();

		WebElement error = this.browser.waitUntil(d -> {
			WebElement e = this.browser.find("error");
			return e.isDisplayed() ? e : null;
		});
		assertThat(error.getText()).contains("No assistant found with id 'asst_missing'").contains("404");

		this.browser.find("assistant-input").clear();
		this.browser.find("assistant-input").sendKeys(dave.assistantId());
		this.browser.find("sign-in").click();
		this.browser.waitUntil(d -> this.browser.find("assistant-name").getText().equals("Helper"));
		assertThat(this.browser.find("error").isDisplayed()).isFalse();
	}

	@Test
	void aMessageTheServerRefusesIsShownAndGivenBackToTheUser() {
		Account erin = account("erin");
		JsonNode thread = thread(erin, "Soon gone", List.of(user("hello")));
		openLink(erin);
		this.browser.waitUntil(d -> !this.browser.find("thread-list").findElements(By.tagName("button")).isEmpty());
		this.browser.find("thread-list").findElement(By.tagName("button")).click();
		this.browser.waitUntil(d -> this.browser.messages("user").size() == 1);
		Api.delete(this.api.as(erin.token()), "/v1/threads/" + thread.get("id").asString(), 200);

		this.browser.find("message-input").sendKeys("你好, are you there?");
		this.browser.find("send").click();

		WebElement error = this.browser.waitUntil(d -> {
			WebElement e = this.browser.find("error");
			return e.isDisplayed() ? e : null;
		});
		assertThat(error.getText()).contains("No thread found with id").contains("404");
		assertThat(this.browser.find("message-input").getDomProperty("value")).isEqualTo("你好, are you there?");
		assertThat(this.browser.messages("user")).hasSize(1);
	}

	@Test
	void aTokenThatStopsWorkingSendsTheUserBackToSignInAndSaysWhy() {
		Account olga = account("olga");
		thread(olga, "Before", List.of(user("hello")));
		openLink(olga);
		this.browser.waitUntil(d -> !this.browser.find("thread-list").findElements(By.tagName("button")).isEmpty());
		Api.post(this.api.admin(), "/admin/tenants/" + olga.tenant().id() + "/disable", Map.of(), 200);

		this.browser.find("thread-list").findElement(By.tagName("button")).click();

		this.browser.waitUntil(d -> this.browser.find("sign-in").isDisplayed());
		assertThat(this.browser.find("error").getText()).contains("HTTP 401");
		assertThat(this.browser.script("return sessionStorage.getItem('threadline.session')")).isNull();
	}

	@Test
	void newThreadStartsAnEmptyConversation() {
		Account frank = account("frank");
		thread(frank, "Old", List.of(user("old question")));
		openLink(frank);
		this.browser.waitUntil(d -> !this.browser.find("thread-list").findElements(By.tagName("button")).isEmpty());
		this.browser.find("thread-list").findElement(By.tagName("button")).click();
		this.browser.waitUntil(d -> this.browser.messages("user").size() == 1);

		this.browser.find("new-thread").click();

		this.browser.waitUntil(d -> this.browser.messages("user").isEmpty());
		assertThat(this.browser.find("thread-list").findElements(By.cssSelector("[aria-current=true]"))).isEmpty();
		assertThat(this.browser.driver().getCurrentUrl()).doesNotContain("#thread=");
		assertThat(this.browser.driver().switchTo().activeElement().getDomAttribute("data-testid"))
			.isEqualTo("message-input");
	}

}
