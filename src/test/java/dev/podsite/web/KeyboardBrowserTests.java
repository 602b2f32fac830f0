package dev.podsite.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podsite.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyboard alone, in Debian's Chromium: the Tab key reaches every control of an
 * episode page and of the host's episode form, each with a focus ring that shows (3:1
 * against what is behind it) and on screen; the skip link skips; the player's own
 * controls, the time links and the folded transcript work with Enter and Space.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeyboardBrowserTests {

	/**
	 * Marks the page's visible controls not yet marked, with a key each (a group of radio
	 * buttons is one stop for the Tab key), and answers their keys and descriptions.
	 */
	private static final String MARK_CONTROLS = """
			window.keyboardCount = window.keyboardCount || 0;
			var found = {};
			document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary,'
			    + ' audio[controls], [tabindex]').forEach(function (control) {
			  if (control.disabled || control.tabIndex < 0 || control.hasAttribute('data-keyboard')
			      || !control.checkVisibility({ visibilityProperty: true })) {
			    return;
			  }
			  var key = (control.type === 'radio') ? 'radio ' + control.name : String(window.keyboardCount++);
			  control.setAttribute('data-keyboard', key);
			  found[key] = control.tagName.toLowerCase() + ' "' + (control.getAttribute('aria-label')
			      || control.textContent || control.value || control.name || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"';
			});
			return found;
			""";

	/**
	 * The focused control's key, and what is wrong with how it shows its focus, if
	 * anything: no ring, a ring of too little contrast with what is behind it, or off
	 * screen.
	 */
	private static final String FOCUSED = """
			var control = document.activeElement;
			if (!control || control === document.body) {
			  return null;
			}
			function rgb(css) {
			  var parts = (css.match(/[\\d.]+/g) || ['0', '0', '0', '0']).map(Number);
			  return { r: parts[0], g: parts[1], b: parts[2], a: (parts.length > 3) ? parts[3] : 1 };
			}
			function luminance(color) {
			  var linear = [color.r, color.g, color.b].map(function (value) {
			    value /= 255;
			    return (value <= 0.03928) ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
			  });
			  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
			}
			function behind(element) {
			  for (var parent = element.parentElement; parent; parent = parent.parentElement) {
			    var color = rgb(getComputedStyle(parent).backgroundColor);
			    if (color.a > 0) {
			      return color;
			    }
			  }
			  return { r: 255, g: 255, b: 255, a: 1 };
			}
			var style = getComputedStyle(control);
			var ring = null;
			if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
			  ring = rgb(style.outlineColor);
			} else if (style.boxShadow !== 'none') {
			  ring = rgb(style.boxShadow);
			}
			var problem = null;
			if (ring === null) {
			  problem = 'no focus ring (outline: ' + style.outlineStyle + ' ' + style.outlineWidth + ')';
			} else {
			  var lighter = Math.max(luminance(ring), luminance(behind(control)));
			  var darker = Math.min(luminance(ring), luminance(behind(control)));
			  var contrast = (lighter + 0.05) / (darker + 0.05);
			  if (contrast < 3) {
			    problem = 'focus ring contrast ' + contrast.toFixed(2) + ':1';
			  }
			}
			var box = control.getBoundingClientRect();
			if (box.right <= 0 || box.bottom <= 0 || box.left >= window.innerWidth || box.top >= window.innerHeight) {
			  problem = 'off screen when focused';
			}
			return { key: control.getAttribute('data-keyboard') || '', tag: control.tagName.toLowerCase(),
			  problem: problem };
			""";

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		browser = Chromium.start(profile, "--autoplay-policy=user-gesture-required");
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.quit(browser);
	}

	@BeforeEach
	void aShowWithEverything() {
		Chromium.colorScheme(browser, "light");
		ListenerSite.store(this.context);
		this.jdbc.update("DELETE FROM spring_session");
		browser.manage().deleteAllCookies();
	}

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void theTabKeyReachesEveryControlOfAnEpisodePageWithAFocusRingThatShows(String scheme) {
		Chromium.colorScheme(browser, scheme);
		open("/episodes/" + ListenerSite.FULL_EPISODE);
		TabbedThrough tabbed = tabThroughThePage();
		assertThat(tabbed.problems()).as("controls whose focus does not show").isEmpty();
		assertThat(tabbed.missed()).as("controls the Tab key never reached").isEmpty();
		assertThat(tabbed.reachedTags()).as("the player, its own controls, time links, the transcript's toggle")
			.contains("audio", "select", "button", "summary", "a");
		assertThat(tabbed.reached()).as("chapters and the transcript's turns (unfolded with Enter): 8 + 20 time links")
			.hasSizeGreaterThan(28 + 12 + 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void theTabKeyReachesEveryControlOfTheHostsEpisodeFormWithAFocusRingThatShows(String scheme) {
		Chromium.colorScheme(browser, scheme);
		signIn();
		long id = this.jdbc.queryForObject("SELECT id FROM episode WHERE slug = ?", Long.class,
				ListenerSite.FULL_EPISODE);
		open("/admin/episodes/" + id + "/edit");
		TabbedThrough tabbed = tabThroughThePage();
		assertThat(tabbed.problems()).as("controls whose focus does not show").isEmpty();
		assertThat(tabbed.missed()).as("controls the Tab key never reached").isEmpty();
		assertThat(tabbed.reachedTags()).contains("input", "textarea", "select", "button", "a");
		assertThat(tabbed.reached()).as("the status's radio buttons, one stop").contains("radio status");
	}

	@Test
	void theSkipLinkIsTheFirstStopShowsAndLeadsToTheContent() {
		open("/episodes/" + ListenerSite.FULL_EPISODE);
		script(MARK_CONTROLS);
		tab();
		Map<String, Object> focused = focused();
		assertThat(script("return document.activeElement.className")).isEqualTo("skip-link");
		assertThat(focused.get("problem")).as("it shows, on screen, with its focus ring").isNull();

		new Actions(browser).sendKeys(Keys.ENTER).perform();
		assertThat(browser.getCurrentUrl()).endsWith("#content");
		tab();
		assertThat(script("return document.activeElement.closest('main') !== null"))
			.as("the next stop is in the content, past the site's navigation")
			.isEqualTo(true);
		assertThat(script("return document.activeElement"))
			.isEqualTo(script("return document.querySelector('main [data-keyboard]')"));
	}

	@Test
	void thePlayersControlsTimeLinksAndTheTranscriptWorkWithTheKeyboard() {
		open("/episodes/" + ListenerSite.FULL_EPISODE);
		script("window.notReloaded = true");

		browser.findElement(By.cssSelector(".chapter-list a.time[data-t='1200']")).sendKeys(Keys.ENTER);
		assertThat(number("document.querySelector('audio').currentTime")).as("Enter on a chapter's time")
			.isEqualTo(1200.0);
		assertThat(browser.getCurrentUrl()).endsWith("?t=1200");
		assertThat(browser.findElement(By.cssSelector(".chapter-list li[aria-current=time]")).getText())
			.contains("Chapter 3");

		browser.findElement(By.cssSelector("[data-speed]")).sendKeys(Keys.ARROW_DOWN);
		assertThat(number("document.querySelector('audio').playbackRate")).as("the arrow keys set the speed")
			.isEqualTo(1.25);

		browser.findElement(By.cssSelector("[data-share]")).sendKeys(Keys.SPACE);
		WebElement shared = browser.findElement(By.cssSelector("[data-share-link]"));
		assertThat(shared.isDisplayed()).as("Space on the share button").isTrue();
		assertThat(shared.getAttribute("value")).endsWith("/episodes/" + ListenerSite.FULL_EPISODE + "?t=1200");
		assertThat(shared).as("the link is focused, to copy").isEqualTo(browser.switchTo().activeElement());

		WebElement transcript = browser.findElement(By.cssSelector(".transcript summary"));
		transcript.sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.cssSelector(".transcript details")).getAttribute("open"))
			.as("Enter unfolds the transcript")
			.isNotNull();
		WebElement turn = browser.findElements(By.cssSelector(".turns a.time")).get(2);
		turn.sendKeys(Keys.ENTER);
		assertThat(number("document.querySelector('audio').currentTime")).as("Enter on a turn's time")
			.isEqualTo(Double.parseDouble(turn.getAttribute("data-t")))
			.isPositive();
		assertThat(script("return window.notReloaded")).as("all on the same page").isEqualTo(true);
	}

	/**
	 * Presses Tab from the top of the page until the focus leaves it, unfolding what is
	 * folded (Enter on a summary) as a listener would, and checks each stop.
	 */
	@SuppressWarnings("unchecked")
	private TabbedThrough tabThroughThePage() {
		Map<String, String> controls = new LinkedHashMap<>((Map<String, String>) script(MARK_CONTROLS));
		Set<String> reached = new LinkedHashSet<>();
		Set<String> tags = new LinkedHashSet<>();
		List<String> problems = new ArrayList<>();
		boolean started = false;
		for (int press = 0; press < controls.size() * 4 + 100; press++) {
			tab();
			Map<String, Object> focused = focused();
			if (focused == null) {
				if (started) {
					break;
				}
				continue;
			}
			started = true;
			String key = (String) focused.get("key");
			reached.add(key);
			tags.add((String) focused.get("tag"));
			if (focused.get("problem") != null) {
				problems.add(controls.getOrDefault(key, (String) focused.get("tag")) + ": " + focused.get("problem"));
			}
			if ("summary".equals(focused.get("tag"))
					&& Boolean.FALSE.equals(script("return document.activeElement.parentElement.open"))) {
				new Actions(browser).sendKeys(Keys.ENTER).perform();
				controls.putAll((Map<String, String>) script(MARK_CONTROLS));
			}
		}
		List<String> missed = controls.entrySet()
			.stream()
			.filter((control) -> !reached.contains(control.getKey()))
			.map(Map.Entry::getValue)
			.toList();
		return new TabbedThrough(reached, tags, problems, missed);
	}

	private record TabbedThrough(Set<String> reached, Set<String> reachedTags, List<String> problems,
			List<String> missed) {
	}

	private static void tab() {
		new Actions(browser).sendKeys(Keys.TAB).perform();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> focused() {
		return (Map<String, Object>) script(FOCUSED);
	}

	private void signIn() {
		open("/login");
		browser.findElement(By.id("username")).sendKeys("host");
		browser.findElement(By.id("password")).sendKeys("correct horse battery staple", Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private static double number(String expression) {
		return ((Number) script("return " + expression)).doubleValue();
	}

	private static Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

}
