package dev.podsite.episode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.podsite.support.Chromium;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.TestTimelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
 * The player's wiring in Debian's Chromium: it plays nothing (the audio's host is not
 * reachable here), but a time link sets where the player stands, without loading the page
 * again, and a time link's page starts the player there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlayerBrowserTests {

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
	void anEpisodeWithMoments() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("p1", "Played", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<ul><li>00:00 Hello</li><li>12:34 Ownership</li><li>1:02:05 Lifetimes</li></ul>")
					.audio("https://cdn.example/p1.mp3", 4000)
					.build()));
	}

	@Test
	void aTimeLinkInTheNotesSetsThePlayerWithoutLoadingThePageAgain() {
		open("/episodes/played");
		script("window.notReloaded = true");
		assertThat(browser.findElement(By.cssSelector("[data-player-controls]")).isDisplayed())
			.as("the script shows its controls")
			.isTrue();

		browser.findElement(By.cssSelector(".notes a.time[data-t='754']")).click();

		assertThat(currentTime()).isEqualTo(754.0);
		assertThat(script("return window.notReloaded")).as("the same page").isEqualTo(true);
		assertThat(browser.getCurrentUrl()).endsWith("/episodes/played?t=754");
	}

	@Test
	void aChaptersTimeSetsThePlayerAndMarksTheChapterAndTheTurn() {
		new SiteData(this.context).storeTimeline("played", TestTimelines.chapters(6), TestTimelines.cues(400, 2));
		open("/episodes/played");
		browser.findElement(By.cssSelector(".chapter-list a.time[data-t='1200']")).click();

		assertThat(currentTime()).isEqualTo(1200.0);
		assertThat(browser.findElement(By.cssSelector(".chapter-list li[aria-current=time]")).getText())
			.contains("Chapter 3");
		// 1200 s is cue 334's start (3.6 s apart): the turn of cues 333 to 336.
		// The transcript is folded (it is long): read the marked turn's text as it is.
		assertThat(browser.findElement(By.cssSelector(".turns .turn[aria-current=time]")).getAttribute("textContent"))
			.contains("Sentence 334 says");
		assertThat(browser.getCurrentUrl()).endsWith("/episodes/played?t=1200");
	}

	@Test
	void aTimeLinksPageStartsThePlayerThere() {
		open("/episodes/played?t=3725");
		assertThat(browser.findElement(By.tagName("audio")).getAttribute("src")).endsWith("/p1.mp3#t=3725");
		assertThat(currentTime()).isEqualTo(3725.0);
	}

	@Test
	void theSpeedIsSetAndKept() {
		open("/episodes/played");
		browser.findElement(By.cssSelector("[data-speed] option[value='1.5']")).click();
		assertThat(((Number) script("return document.querySelector('audio').playbackRate")).doubleValue())
			.isEqualTo(1.5);
		open("/episodes/played");
		assertThat(((Number) script("return document.querySelector('audio').playbackRate")).doubleValue())
			.as("kept for the next page")
			.isEqualTo(1.5);
	}

	@Test
	void theCurrentMomentCanBeSharedAsALink() {
		open("/episodes/played?t=754");
		browser.findElement(By.cssSelector("[data-share]")).click();
		assertThat(browser.findElement(By.cssSelector("[data-share-link]")).getAttribute("value"))
			.isEqualTo("https://podcast.example/episodes/played?t=754");
	}

	private double currentTime() {
		return ((Number) script("return document.querySelector('audio').currentTime")).doubleValue();
	}

	private Object script(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

}
