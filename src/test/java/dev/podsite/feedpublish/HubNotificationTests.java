package dev.podsite.feedpublish;

import java.util.Map;

import dev.podsite.episode.EpisodeEditor;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteHttp;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a WebSub hub configured, the feed names it and the hub hears of every change of
 * the feed, over real HTTP both ways.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HubNotificationTests {

	private static final WebSubHub hub = WebSubHub.start();

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
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	@BeforeEach
	void importAShow() throws Exception {
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

}
