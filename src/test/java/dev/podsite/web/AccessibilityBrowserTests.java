package dev.podsite.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Axe;
import dev.podsite.support.Chromium;
import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page, the listeners' and the host's, in Debian's Chromium: axe-core finds
 * no violation of WCAG 2.2 A and AA nor of its best practices, in light mode and in dark
 * mode (contrast included, as the browser renders the page).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	/**
	 * The pages checked, one line each: {@code {episode}} and {@code {person}} stand for
	 * the ids of the full episode and of the guest. A signed-in page is checked after the
	 * public ones, with the host signed in.
	 */
	private static final List<Page> PAGES = List.of(Page.of("show", "/"), Page.of("episode list", "/episodes"),
			Page.of("episode with chapters and transcript", "/episodes/" + ListenerSite.FULL_EPISODE),
			Page.of("episode at a moment, transcript open", "/episodes/" + ListenerSite.FULL_EPISODE + "?t=754",
					(browser) -> browser.findElement(By.cssSelector(".transcript summary")).click()),
			Page.of("episode without audio", "/episodes/" + ListenerSite.TEXT_EPISODE), Page.of("people", "/people"),
			Page.of("person", "/people/" + ListenerSite.GUEST), Page.of("search form", "/search"),
			Page.of("search results", "/search?q=ownership"), Page.of("search, nothing found", "/search?q=ownershp"),
			Page.of("links", "/links"), Page.error("not found", "/episodes/no-such-episode"),
			Page.of("sign-in", "/login"), Page.of("sign-in refused", "/login?error"), Page.host("dashboard", "/admin"),
			Page.host("episodes", "/admin/episodes"), Page.host("episodes searched", "/admin/episodes?q=own"),
			Page.host("new episode", "/admin/episodes/new"),
			Page.host("new episode refused", "/admin/episodes/new",
					(browser) -> browser.findElement(By.cssSelector("form.episode-form button.button")).click()),
			Page.host("edit episode", "/admin/episodes/{episode}/edit"),
			Page.host("delete episode", "/admin/episodes/{episode}/delete"), Page.host("people", "/admin/people"),
			Page.host("person", "/admin/people/{person}"));

	private static WebDriver browser;

	private static Axe axe;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		axe = Axe.installed();
		browser = Chromium.start(profile);
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.quit(browser);
	}

	@BeforeEach
	void aShowWithEverything() {
		ListenerSite.store(this.context);
		this.jdbc.update("DELETE FROM spring_session");
		browser.manage().deleteAllCookies();
	}

	@Test
	void everyKindOfPageHasNoViolationsInLightMode() {
		Chromium.colorScheme(browser, "light");
		assertThat(violationsOnEveryPage()).as("axe-core's violations, light mode").isEmpty();
	}

	@Test
	void everyKindOfPageHasNoViolationsInDarkMode() {
		Chromium.colorScheme(browser, "dark");
		open("/");
		assertThat(script("return getComputedStyle(document.documentElement).backgroundColor"))
			.as("the dark colours apply")
			.isEqualTo("rgb(22, 20, 18)");
		assertThat(violationsOnEveryPage()).as("axe-core's violations, dark mode").isEmpty();
	}

	/** Tables wider than a phone's screen scroll, by keyboard too. */
	@Test
	void everyKindOfPageHasNoViolationsOnAPhonesScreen() {
		Chromium.colorScheme(browser, "light");
		Dimension window = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(360, 800));
		try {
			open("/");
			assertThat(script("return window.innerWidth")).isEqualTo(360L);
			assertThat(violationsOnEveryPage()).as("axe-core's violations, 360 pixels wide").isEmpty();
		}
		finally {
			browser.manage().window().setSize(window);
		}
	}

	@Test
	void everyKindOfPageInRomanianHasNoViolations() {
		Chromium.colorScheme(browser, "light");
		open("/");
		Chromium.acceptLanguage(browser, "ro");
		try {
			open("/");
			assertThat(script("return document.documentElement.lang")).as("the page speaks Romanian").isEqualTo("ro");
			assertThat(violationsOnEveryPage()).as("axe-core's violations, in Romanian").isEmpty();
		}
		finally {
			Chromium.acceptLanguage(browser, "en");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void anEmptySiteAndTheDemoSnapshotHaveNoViolations(String scheme) {
		Chromium.colorScheme(browser, scheme);
		Database.clear(this.jdbc);
		List<String> violations = new ArrayList<>(violations(Page.of("empty site", "/"), "/"));
		new ImporterHarness(this.context).importFrom(this.dir.resolve("unreachable.xml"));
		String episode = this.jdbc.queryForObject("SELECT slug FROM episode ORDER BY published_at DESC LIMIT 1",
				String.class);
		for (Page page : List.of(
				Page.of("demo show, with its notice", "/",
						(shown) -> assertThat(shown.findElement(By.cssSelector(".demo-notice")).isDisplayed())
							.isTrue()),
				Page.of("demo episode", "/episodes/" + episode), Page.of("demo people", "/people"))) {
			violations.addAll(violations(page, page.path()));
		}
		assertThat(violations).as("axe-core's violations, " + scheme + " mode").isEmpty();
	}

	/** "page (path): rule (impact): help" and the failing elements, for every page. */
	private List<String> violationsOnEveryPage() {
		Map<String, String> ids = Map.of("{episode}",
				String.valueOf(this.jdbc.queryForObject("SELECT id FROM episode WHERE slug = ?", Long.class,
						ListenerSite.FULL_EPISODE)),
				"{person}", String.valueOf(this.jdbc.queryForObject("SELECT id FROM person WHERE slug = ?", Long.class,
						ListenerSite.GUEST)));
		List<String> violations = new ArrayList<>();
		boolean signedIn = false;
		for (Page page : PAGES.stream().sorted((a, b) -> Boolean.compare(a.host(), b.host())).toList()) {
			if (page.host() && !signedIn) {
				signIn();
				signedIn = true;
			}
			String path = page.path();
			for (Map.Entry<String, String> id : ids.entrySet()) {
				path = path.replace(id.getKey(), id.getValue());
			}
			violations.addAll(violations(page, path));
		}
		return violations;
	}

	private List<String> violations(Page page, String path) {
		List<String> violations = new ArrayList<>();
		open(path);
		if (!Boolean.valueOf(page.error()).equals(script("return document.querySelector('.error-page') !== null"))) {
			violations.add(page.name() + " (" + path + "): not the page meant, but " + browser.getTitle());
		}
		page.then().accept(browser);
		for (String violation : axe.violations(browser)) {
			violations.add(page.name() + " (" + path + "): " + violation);
		}
		return violations;
	}

	private void signIn() {
		open("/login");
		Chromium.signIn(browser, "host", "correct horse battery staple");
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private static Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	/** A page to check: where it is, and what to do on it first (open a folded part). */
	private record Page(String name, String path, boolean host, boolean error, Consumer<WebDriver> then) {

		private static final Consumer<WebDriver> AS_IT_OPENS = (browser) -> {
		};

		static Page of(String name, String path) {
			return of(name, path, AS_IT_OPENS);
		}

		static Page of(String name, String path, Consumer<WebDriver> then) {
			return new Page(name, path, false, false, then);
		}

		/** An error page, as a listener who followed a broken link sees it. */
		static Page error(String name, String path) {
			return new Page(name, path, false, true, AS_IT_OPENS);
		}

		static Page host(String name, String path) {
			return host(name, path, AS_IT_OPENS);
		}

		static Page host(String name, String path, Consumer<WebDriver> then) {
			return new Page("admin " + name, path, true, false, then);
		}

	}

}
