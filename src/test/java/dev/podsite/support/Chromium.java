package dev.podsite.support;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, for the browser tests.
 */
public final class Chromium {

	private static final String HOW_TO_INSTALL = "apt-get install chromium chromium-driver (or run .ci/run)";

	private Chromium() {
	}

	/**
	 * A headless Chromium with its profile in {@code profile} and the given extra
	 * command-line arguments; a skip (a failure in CI) when it is not installed.
	 */
	public static WebDriver start(Path profile, String... arguments) {
		File chromium = ExternalTool.require("Chromium", Path.of("/usr/bin/chromium"), HOW_TO_INSTALL).toFile();
		File driver = ExternalTool.require("ChromeDriver", Path.of("/usr/bin/chromedriver"), HOW_TO_INSTALL).toFile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// Root in a container: no sandbox. No network of its own beyond the site.
		List<String> all = new ArrayList<>(
				List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-quic", "--window-size=1280,1600", "--user-data-dir=" + profile));
		all.addAll(List.of(arguments));
		options.addArguments(all);
		WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(),
				options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return browser;
	}

	/**
	 * From now on the browser renders pages as for a system set to {@code scheme},
	 * "light" or "dark" (CSS prefers-color-scheme), through the DevTools protocol.
	 */
	public static void colorScheme(WebDriver browser, String scheme) {
		((ChromiumDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/**
	 * From now on the browser asks for pages in {@code languages} (its Accept-Language
	 * header, e.g. "ro"), as a browser set to that language does.
	 */
	public static void acceptLanguage(WebDriver browser, String languages) {
		String userAgent = (String) ((ChromiumDriver) browser).executeScript("return navigator.userAgent");
		((ChromiumDriver) browser).executeCdpCommand("Emulation.setUserAgentOverride",
				Map.of("userAgent", userAgent, "acceptLanguage", languages));
	}

	/**
	 * Types {@code username} and {@code password} into the sign-in form the browser shows
	 * and sends it, then waits until the site has answered with another page (the one
	 * signed in, or the form again with its error).
	 */
	public static void signIn(WebDriver browser, String username, String password) {
		String loginPage = browser.getCurrentUrl();
		type(browser, "username", username);
		type(browser, "password", password);
		// The sign-in form, not the header's search.
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlToBe(loginPage)));
	}

	private static void type(WebDriver browser, String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Quits the browser, if it started. */
	public static void quit(WebDriver browser) {
		if (browser != null) {
			browser.quit();
		}
	}

}
