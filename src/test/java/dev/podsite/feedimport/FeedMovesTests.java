package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.podsite.support.Database;
import dev.podsite.support.HostNotice;
import dev.podsite.support.SiteProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that moves its feed for good (itunes:new-feed-url, 301, 308) moves the
 * importer with it, recorded in the database; a temporary redirect does not; a move is
 * checked as the configured address is. The feeds are served over real HTTP.
 */
@SpringBootTest
class FeedMovesTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private FeedHost host;

	private ImporterHarness harness;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.host = FeedHost.start();
		this.harness = new ImporterHarness(this.context);
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void aNewFeedUrlMovesTheImporterForGood() {
		this.host.serve("/old.xml", feed(newFeedUrl(this.host.url("/new.xml")), "ep-1"))
			.serve("/new.xml", feed("", "ep-1", "ep-2"));
		ImportRun first = importFrom("/old.xml");
		assertThat(first.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(first.getWarningNotices()).extracting(HostNotice::code).contains("import.move.followed");
		assertThat(move()).containsExactly(this.host.url("/old.xml").toString(), this.host.url("/new.xml").toString(),
				this.host.url("/old.xml").toString(), "new-feed-url");

		ImportRun second = importFrom("/old.xml");
		assertThat(second.getFeedUrl()).isEqualTo(this.host.url("/new.xml").toString());
		assertThat(lastPath()).isEqualTo("/new.xml");
		assertThat(count("episode")).isEqualTo(2);
	}

	@Test
	void a301MovesTheImporterForGood() {
		this.host.serve("/old.xml", FeedHost.redirect(301, "/new.xml")).serve("/new.xml", feed("", "ep-1"));
		assertThat(importFrom("/old.xml").getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(move()).containsExactly(this.host.url("/old.xml").toString(), this.host.url("/new.xml").toString(),
				this.host.url("/old.xml").toString(), "301");
		importFrom("/old.xml");
		assertThat(this.host.paths()).containsExactly("/old.xml", "/new.xml", "/new.xml");
	}

	@Test
	void a308MovesTheImporterForGood() {
		this.host.serve("/old.xml", FeedHost.redirect(308, "/new.xml")).serve("/new.xml", feed("", "ep-1"));
		importFrom("/old.xml");
		assertThat(move()).containsExactly(this.host.url("/old.xml").toString(), this.host.url("/new.xml").toString(),
				this.host.url("/old.xml").toString(), "308");
		importFrom("/old.xml");
		assertThat(this.host.paths()).containsExactly("/old.xml", "/new.xml", "/new.xml");
	}

	@Test
	void a302IsNoMoveAndTheNextImportAsksTheOriginalAddress() {
		this.host.serve("/old.xml", FeedHost.redirect(302, "/new.xml")).serve("/new.xml", feed("", "ep-1"));
		assertThat(importFrom("/old.xml").getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(move()).isEmpty();
		importFrom("/old.xml");
		assertThat(this.host.paths()).containsExactly("/old.xml", "/new.xml", "/old.xml", "/new.xml");
	}

	@Test
	void aPermanentRedirectAfterATemporaryOneIsNoMove() {
		this.host.serve("/old.xml", FeedHost.redirect(307, "/between.xml"))
			.serve("/between.xml", FeedHost.redirect(301, "/new.xml"))
			.serve("/new.xml", feed("", "ep-1"));
		importFrom("/old.xml");
		assertThat(move()).isEmpty();
	}

	@Test
	void aChainOfMovesIsFollowedToItsEnd() {
		this.host.serve("/a.xml", feed(newFeedUrl(this.host.url("/b.xml")), "ep-1"))
			.serve("/b.xml", FeedHost.redirect(301, "/c.xml"))
			.serve("/c.xml", feed(newFeedUrl(this.host.url("/d.xml")), "ep-1"))
			.serve("/d.xml", feed("", "ep-1", "ep-2"));
		importFrom("/a.xml");
		ImportRun second = importFrom("/a.xml");
		assertThat(second.getWarningNotices()).extracting(HostNotice::code)
			.containsExactly("import.move.followed", "import.move.followed");
		assertThat(move()).containsExactly(this.host.url("/a.xml").toString(), this.host.url("/d.xml").toString(),
				this.host.url("/c.xml").toString(), "new-feed-url");
		importFrom("/a.xml");
		assertThat(lastPath()).isEqualTo("/d.xml");
		assertThat(count("episode")).isEqualTo(2);
	}

	@Test
	void aMoveToAPrivateAddressIsRefused() {
		this.host.serve("/old.xml", feed(newFeedUrl(URI.create("http://10.1.2.3/feed.xml")), "ep-1"));
		ImportRun run = importFrom("/old.xml");
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarningNotices()).extracting(HostNotice::code).containsExactly("import.move.refused");
		assertThat(run.getWarningNotices().get(0).english()).contains("10.1.2.3", "not a public one");
		assertThat(move()).isEmpty();
	}

	@Test
	void aMoveToAnotherSchemeIsRefused() {
		this.host.serve("/old.xml", feed(newFeedUrl(URI.create("file:///etc/passwd")), "ep-1"));
		ImportRun run = importFrom("/old.xml");
		assertThat(run.getWarningNotices()).extracting(HostNotice::code).containsExactly("import.move.refused");
		assertThat(move()).isEmpty();
	}

	@Test
	void aPermanentRedirectToAPrivateAddressFailsTheImportAndMovesNothing() {
		this.host.serve("/old.xml", FeedHost.redirect(301, "http://192.168.1.20/feed.xml"));
		assertThat(importFrom("/old.xml").getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(move()).isEmpty();
	}

	@Test
	void aMoveToTheSameAddressIsNothing() {
		String self = this.host.url("/feed.xml").toString().replace("http://", "HTTP://");
		this.host.serve("/feed.xml", feed(newFeedUrl(URI.create(self)), "ep-1"));
		ImportRun run = importFrom("/feed.xml");
		assertThat(run.getWarningNotices()).isEmpty();
		assertThat(move()).isEmpty();
	}

	@Test
	void aMoveToTheSitesOwnFeedIsIgnoredWithAWarning() {
		String own = this.context.getBean(SiteProperties.class).url("/feed.xml");
		this.host.serve("/old.xml", feed(newFeedUrl(URI.create(own)), "ep-1"));
		ImportRun run = importFrom("/old.xml");
		assertThat(run.getWarningNotices()).extracting(HostNotice::code).containsExactly("import.move.ownFeed");
		assertThat(move()).isEmpty();
	}

	@Test
	void anotherConfiguredAddressWinsOverARecordedMove() {
		this.host.serve("/old.xml", FeedHost.redirect(301, "/new.xml"))
			.serve("/new.xml", feed("", "ep-1"))
			.serve("/other.xml", feed("", "ep-1"));
		importFrom("/old.xml");
		assertThat(move()).isNotEmpty();
		importFrom("/other.xml");
		assertThat(lastPath()).isEqualTo("/other.xml");
		importFrom("/other.xml");
		assertThat(lastPath()).isEqualTo("/other.xml");
	}

	@Test
	void aFeedReadFromAFileDoesNotMove(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("feed.xml");
		String xml = rss(newFeedUrl(this.host.url("/new.xml")), item("ep-1", "Episode ep-1", DATE, ""));
		ImportRun run = this.harness.importXml(file, xml);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarningNotices()).isEmpty();
		assertThat(move()).isEmpty();
	}

	private ImportRun importFrom(String path) {
		FeedImportProperties properties = ImporterHarness.properties(this.host.url(path));
		return this.harness.importFromPublicHost(properties);
	}

	/** The move recorded: for which configured address, to, from, and why. */
	private List<Object> move() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT moved_for, moved_to, moved_from, move_reason, moved_at FROM feed_state"
					+ " WHERE moved_to IS NOT NULL");
		if (rows.isEmpty()) {
			return List.of();
		}
		assertThat(rows.get(0).get("moved_at")).isNotNull();
		return List.of(rows.get(0).get("moved_for"), rows.get(0).get("moved_to"), rows.get(0).get("moved_from"),
				rows.get(0).get("move_reason"));
	}

	private String lastPath() {
		List<String> paths = this.host.paths();
		return paths.get(paths.size() - 1);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	static String newFeedUrl(URI url) {
		return "<itunes:new-feed-url>" + url + "</itunes:new-feed-url>";
	}

	static com.sun.net.httpserver.HttpHandler feed(String channelExtras, String... guids) {
		String[] items = java.util.Arrays.stream(guids)
			.map((guid) -> item(guid, "Episode " + guid, DATE, ""))
			.toArray(String[]::new);
		return FeedHost.body("application/rss+xml", rss(channelExtras, items).getBytes(StandardCharsets.UTF_8));
	}

}
