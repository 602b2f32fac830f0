package dev.podsite.admin;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Chromium;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's side end to end, in Debian's Chromium driven by Selenium: sign in (and fail
 * to), write an episode through the form and find it on the site and in the feed, edit an
 * imported episode.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminBrowserTests {

	private static WebDriver browser;

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
		browser = Chromium.start(profile);
	}

	@AfterAll
	static void stopBrowser() {
		Chromium.quit(browser);
	}

	@BeforeEach
	void anImportedShow() throws Exception {
		Database.clear(this.jdbc);
		this.jdbc.update("DELETE FROM spring_session");
		browser.manage().deleteAllCookies();
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", "Imported episode", "Mon, 01 Jan 2024 10:00:00 +0000",
						"<enclosure url=\"https://cdn.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
								+ "<description>Notes from the feed.</description>")));
	}

	@Test
	void aWrongPasswordIsRefusedWithAMessage() {
		open("/admin");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		signIn("host", "not the password");
		assertThat(text(".flash-error")).isEqualTo("The user name or password is wrong.");
		open("/admin");
		assertThat(browser.getCurrentUrl()).as("still signed out").endsWith("/login");
	}

	@Test
	void theHostWritesAnEpisodeThatIsOnTheSiteAndInTheFeed() throws Exception {
		open("/admin");
		signIn("host", "correct horse battery staple");
		assertThat(text("h1")).isEqualTo("Dashboard");

		browser.findElement(By.linkText("New episode")).click();
		type("title", "Written in the browser");
		type("notes", "Notes with **bold** words and [a link](https://example.com/).");
		browser.findElement(By.cssSelector("button[name=preview]")).click();
		assertThat(text(".preview strong")).isEqualTo("bold");
		assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Written in the browser");

		type("audioUrl", "https://cdn.example/browser.mp3");
		type("duration", "42:10");
		browser.findElement(By.cssSelector("input[name=status][value=PUBLISHED]")).click();
		browser.findElement(By.cssSelector("form.episode-form button.button")).click();
		assertThat(text(".flash")).isEqualTo("Saved “Written in the browser”.");

		browser.findElement(By.linkText("View on the site")).click();
		assertThat(text("h1")).isEqualTo("Written in the browser");
		assertThat(browser.findElement(By.cssSelector("audio")).getAttribute("src"))
			.isEqualTo("https://cdn.example/browser.mp3");
		assertThat(text(".notes strong")).isEqualTo("bold");
		screenshot("episode-page");

		String feed = new String(new SiteHttp(this.port).body("/feed.xml"));
		assertThat(feed).contains("<title>Written in the browser</title>", "https://cdn.example/browser.mp3",
				"<itunes:duration>42:10</itunes:duration>");
	}

	@Test
	void theHostEditsAnImportedEpisodeAndTheChangeIsMarked() throws Exception {
		open("/admin/episodes");
		signIn("host", "correct horse battery staple");
		assertThat(browser.getCurrentUrl()).as("back where the host was headed").contains("/admin/episodes");
		browser.findElement(By.linkText("Imported episode")).click();
		assertThat(text(".notice")).contains("comes from the show's feed");
		type("title", "Edited by the host");
		browser.findElement(By.cssSelector("form.episode-form button.button")).click();

		assertThat(text(".flash")).isEqualTo("Saved “Edited by the host”.");
		assertThat(text(".override .badge")).isEqualToIgnoringCase("Changed by you");
		screenshot("edit-form");
		open("/episodes/imported-episode");
		assertThat(text("h1")).isEqualTo("Edited by the host");

		open("/admin/episodes");
		assertThat(text("table.episodes-table tbody tr")).contains("Edited by the host", "Feed, changed by you");
		screenshot("episode-list");
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private static void signIn(String username, String password) {
		Chromium.signIn(browser, username, password);
	}

	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	/** Kept in target/screenshots for a look at the pages as a host sees them. */
	private static void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

}
