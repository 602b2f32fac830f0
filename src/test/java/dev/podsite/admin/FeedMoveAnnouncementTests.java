package dev.podsite.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.MutableClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host announces that the site's feed moves, on the dashboard's form: /feed.xml names
 * the new address at once (itunes:new-feed-url) and answers 301 from the chosen day on,
 * not before. Over real HTTP, with the form's CSRF token as a browser sends it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedMoveAnnouncementTests {

	private static final String NEW = "https://new.example/show.xml";

	private static final MutableClock CLOCK = new MutableClock();

	@TestBean(name = "clock")
	private Clock applicationClock;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private HostSession host;

	static Clock clock() {
		return CLOCK;
	}

	@BeforeEach
	void aShowAndTheHostSignedIn() {
		CLOCK.set(Instant.parse("2026-06-10T10:00:00Z"));
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/launched_fireside_podcasting20.xml"));
		this.host = new HostSession(this.port);
		assertThat(this.host.signIn().statusCode()).isEqualTo(302);
	}

	@AfterEach
	void systemTime() {
		CLOCK.reset();
	}

	@Test
	void theFeedNamesTheNewAddressAtOnceAndRedirectsFromTheChosenDayOnly() throws Exception {
		HttpResponse<String> announced = this.host
			.submit(this.host.form("/admin", "/admin/feed-move").set("newUrl", NEW).set("redirectFrom", "2026-06-15"));
		assertThat(announced.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(this.host.get("/admin").body()).select("main [role=status]").text())
			.contains("The feed's move to " + NEW + " is announced.")
			.contains("This site's feed names its new address, " + NEW + ", and redirects there from 15 June 2026 on.");

		HttpResponse<String> feed = feed();
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains("<itunes:new-feed-url>" + NEW + "</itunes:new-feed-url>");

		// The site's time zone is Europe/Berlin: the 15th starts there at 22:00 UTC.
		CLOCK.set(Instant.parse("2026-06-14T21:59:00Z"));
		assertThat(feed().statusCode()).as("not before the day").isEqualTo(200);
		CLOCK.set(Instant.parse("2026-06-14T22:00:00Z"));
		HttpResponse<String> moved = feed();
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location")).contains(NEW);

		assertThat(this.host.submit(this.host.form("/admin", "/admin/feed-move/withdraw")).statusCode()).isEqualTo(302);
		HttpResponse<String> stays = feed();
		assertThat(stays.statusCode()).isEqualTo(200);
		assertThat(stays.body()).doesNotContain("new-feed-url");
	}

	@Test
	void aMoveWithoutADayNamesTheNewAddressAndNeverRedirects() throws Exception {
		this.host.submit(this.host.form("/admin", "/admin/feed-move").set("newUrl", NEW));
		CLOCK.set(Instant.parse("2030-01-01T00:00:00Z"));
		HttpResponse<String> feed = feed();
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains("<itunes:new-feed-url>" + NEW + "</itunes:new-feed-url>");
	}

	@Test
	void theFormRefusesWhatIsNotAnHttpsAddressOrIsTheSitesOwnFeed() throws Exception {
		assertRefused(NEW.replace("https:", "http:"), "", "must be a full https address");
		assertRefused("feeds.example/show.xml", "", "must be a full https address");
		assertRefused("https://podcast.example/feed.xml", "", "is this site's own feed");
		assertRefused(NEW, "next tuesday", "is not a date");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM published_feed_move", Integer.class)).isZero();
	}

	@Test
	void theRefusalReadsInRomanian() throws Exception {
		this.host = new HostSession(this.port).withLanguage("ro");
		this.host.signIn();
		this.host.submit(this.host.form("/admin", "/admin/feed-move").set("newUrl", "ftp://x.example/f.xml"));
		assertThat(Jsoup.parse(this.host.get("/admin").body()).select("main [role=alert]").text())
			.contains("trebuie să fie o adresă https completă");
	}

	@Test
	void aPostWithoutTheFormsTokenIsRefused() throws Exception {
		HttpResponse<String> forged = this.host.post("/admin/feed-move", "newUrl=" + NEW);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM published_feed_move", Integer.class)).isZero();
	}

	private void assertRefused(String newUrl, String day, String error) {
		HttpResponse<String> answer = this.host
			.submit(this.host.form("/admin", "/admin/feed-move").set("newUrl", newUrl).set("redirectFrom", day));
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(this.host.get("/admin").body()).select("main [role=alert]").text()).contains(error);
	}

	private HttpResponse<String> feed() throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/feed.xml")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
