package com.threadline.chat.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless Chromium ({@code /usr/bin/chromium}, driven through
 * {@code /usr/bin/chromedriver}, both Debian packages) with a fresh profile. Both paths
 * are given explicitly, so Selenium Manager never looks for, let alone downloads, a
 * driver or a browser; when either is missing the test fails and says how to install it.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("chat.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("chat.test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(20);

	/**
	 * Selenium warns on every start that it has no CDP bindings for this Chromium; the
	 * tests use none (a network drop is a TCP proxy), so the warning is only noise. Held
	 * here because java.util.logging keeps loggers weakly.
	 */
	private static final List<Logger> QUIET = Stream
		.of("org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
		.map(Logger::getLogger)
		.peek(logger -> logger.setLevel(Level.SEVERE))
		.toList();

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/** Starts a browser whose relative URLs resolve against {@code baseUrl}. */
	static Browser start(String baseUrl) {
		for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(binary)) {
				throw new IllegalStateException(binary + " is missing: the browser tests need Debian's Chromium. "
						+ "Install it with: apt-get update && apt-get install -y chromium chromium-driver");
			}
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("threadline-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-US",
				"--window-size=1280,860", "--user-data-dir=" + profile);
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		return new Browser(new ChromeDriver(service, options), profile, baseUrl);
	}

	WebDriver driver() {
		return this.driver;
	}

	/** Opens {@code path} (with query or fragment) relative to the base URL. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
		waitUntil(d -> "true".equals(find(By.tagName("body")).getDomAttribute("data-ready")));
	}

	void reload() {
		this.driver.navigate().refresh();
		waitUntil(d -> "true".equals(find(By.tagName("body")).getDomAttribute("data-ready")));
	}

	static By testId(String testId) {
		return By.cssSelector("[data-testid=\"" + testId + "\"]");
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	WebElement find(String testId) {
		return find(testId(testId));
	}

	List<WebElement> findAll(String testId) {
		return this.driver.findElements(testId(testId));
	}

	/** The rendered messages of the open conversation, optionally of one role. */
	List<WebElement> messages(String role) {
		return this.driver.findElements(By.cssSelector("[data-testid=\"message\"][data-role=\"" + role + "\"]"));
	}

	/**
	 * Waits (explicitly, up to 20 s) until {@code condition} yields a non-null, non-false
	 * value.
	 */
	<T> T waitUntil(Function<WebDriver, T> condition) {
		return waitUntil(WAIT, condition);
	}

	<T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(25)).until(condition::apply);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Runs an async script: {@code done} (the last argument) must be called with the
	 * result.
	 */
	Object asyncScript(String script, Object... args) {
		this.driver.manage().timeouts().scriptTimeout(WAIT);
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, args);
	}

	/** Saves a screenshot of the window to {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the page logged to its console since the last call, for a failing test's
	 * report.
	 */
	List<String> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	/**
	 * The console entries in which Chromium reports a Content-Security-Policy violation
	 * ("Refused to … because it violates the following Content Security Policy
	 * directive").
	 */
	static List<String> policyViolations(List<String> console) {
		return console.stream().filter(entry -> entry.contains("Content Security Policy")).toList();
	}

	/** The URLs the page has fetched so far (the browser's resource timing entries). */
	@SuppressWarnings("unchecked")
	List<String> fetched() {
		return (List<String>) script("return performance.getEntriesByType('resource').map((e) => e.name)");
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a leftover temporary directory is no reason to fail a test
		}
	}

}
