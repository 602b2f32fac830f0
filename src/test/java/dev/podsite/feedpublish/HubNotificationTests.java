package dev.podsite.feedpublish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.podsite.episode.EpisodeEditor;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.MutableClock;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.WebSubHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a WebSub hub configured, the feed names it and the hub hears of every change of
 * the feed, a scheduled episode's release included, over real HTTP both ways; a hub that
 * fails is asked again, a bounded number of times.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HubNotificationTests {

	private static final WebSubHub hub = WebSubHub.start();

	private static final MutableClock CLOCK = new MutableClock();

	@TestBean
	private Clock clock;

	@Autowired
	private HubNotifier notifier;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeEditor editor;

	@DynamicPropertySource
	static void hub(DynamicPropertyRegistry registry) {
		registry.add("podsite.websub.hub", () -> hub.url().toString());
		registry.add("podsite.websub.notify-delay", () -> "PT0.1S");
		registry.add("podsite.websub.release-check", () -> "PT0.2S");
		// Retries after 0.05 s, 0.15 s, 0.45 s, 1.35 s and 4.05 s.
		registry.add("podsite.websub.first-retry", () -> "PT0.05S");
	}

	static Clock clock() {
		return CLOCK;
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@BeforeEach
	void importAShow() throws Exception {
		CLOCK.reset();
		hub.clear();
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/launched_fireside_podcasting20.xml"));
		// The import itself is a change the hub hears of.
		assertThat(hub.next(10)).containsEntry("hub.mode", "publish");
		hub.clear();
	}

	@Test
	void theFeedNamesTheHubBesideItsOwnAddress() {
		String feed = new String(new SiteHttp(this.port).get("/feed.xml").body());
		assertThat(feed).contains("<atom:link href=\"" + hub.url() + "\" rel=\"hub\" />")
			.contains("<atom:link href=\"https://podcast.example/feed.xml\" rel=\"self\"");
	}

	@Test
	void aHostsEditReachesTheHubAsAPublishNotificationOfTheFeed() throws Exception {
		long id = this.jdbc.queryForObject("SELECT min(id) FROM episode", Long.class);
		this.editor.delete(id);

		Map<String, String> notification = hub.next(10);
		assertThat(notification).isNotNull()
			.containsEntry("hub.mode", "publish")
			.containsEntry("hub.url", "https://podcast.example/feed.xml");
	}

	@Test
	void aScheduledEpisodesReleaseReachesTheHubThoughNoDataChanged() throws Exception {
		Instant now = CLOCK.instant();
		Instant release = now.plus(Duration.ofDays(1));
		new SiteData(this.context).store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("out", "Already out", now.minus(Duration.ofDays(7)))
					.audio("https://cdn.example/out.mp3", 600)
					.build(),
						TestEpisodes.episode("scheduled", "Comes out tomorrow", release)
							.audio("https://cdn.example/scheduled.mp3", 600)
							.build()));
		assertThat(hub.next(10)).containsEntry("hub.mode", "publish");
		assertThat(feed()).doesNotContain("Comes out tomorrow");
		this.notifier.lookForRelease();
		hub.clear();

		CLOCK.set(release.plus(Duration.ofMinutes(1)));

		Map<String, String> notification = hub.next(10);
		assertThat(notification).isNotNull()
			.containsEntry("hub.mode", "publish")
			.containsEntry("hub.url", "https://podcast.example/feed.xml");
		assertThat(feed()).contains("Comes out tomorrow");
		// One release, one notification.
		assertThat(hub.next(1)).isNull();
	}

	@Test
	void aHubThatFailsIsAskedAgain() throws Exception {
		hub.answerNext(500, 204);
		this.editor.delete(this.jdbc.queryForObject("SELECT min(id) FROM episode", Long.class));

		assertThat(hub.next(10)).containsEntry("hub.mode", "publish");
		assertThat(hub.next(10)).containsEntry("hub.mode", "publish")
			.containsEntry("hub.url", "https://podcast.example/feed.xml");
		assertThat(hub.next(1)).isNull();
	}

	@Test
	void aHubThatKeepsFailingIsAskedABoundedNumberOfTimes() throws Exception {
		int[] failures = new int[HubNotifier.ATTEMPTS];
		Arrays.fill(failures, 500);
		hub.answerNext(failures);
		this.editor.delete(this.jdbc.queryForObject("SELECT min(id) FROM episode", Long.class));

		for (int attempt = 1; attempt <= HubNotifier.ATTEMPTS; attempt++) {
			assertThat(hub.next(10)).as("attempt %d", attempt).containsEntry("hub.mode", "publish");
		}
		// A seventh attempt would come 12 s after the sixth (and be answered 202).
		assertThat(hub.next(15)).isNull();
	}

	private String feed() {
		return new String(new SiteHttp(this.port).get("/feed.xml").body());
	}

}
