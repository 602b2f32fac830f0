package dev.podsite.admin;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The host's chapter and transcript files over real HTTP, as a browser uploads them
 * through Tomcat: the site serves each at the episode's address with its headers, shows
 * what it holds on the episode's page at once, re-publishes its address in the feed,
 * keeps it through imports, and gives the feed's back when it is removed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostFilesTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final String BASE = "https://podcast.example/episodes/rust-at-the-edge/";

	private static final byte[] VTT = """
			WEBVTT

			00:00:01.000 --> 00:00:04.000
			<v Host>Hello from the host’s own transcript.

			00:00:04.000 --> 00:00:09.000
			<v Guest>And goodbye.
			""".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CHAPTERS = """
			{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Welcome"},
			 {"startTime": 65, "title": "Ownership at the edge"}]}""".getBytes(StandardCharsets.UTF_8);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@TempDir
	private Path dir;

	private SiteHttp site;

	private String session;

	private long id;

	@BeforeEach
	void anImportedEpisodeWithTheFeedsTranscript() {
		Database.clear(this.jdbc);
		importFeed("Rust at the edge");
		this.id = this.jdbc.queryForObject("SELECT id FROM episode", Long.class);
		this.site = new SiteHttp(this.port);
		this.session = this.site.hostSession();
	}

	@Test
	void anUploadIsServedShownRepublishedKeptThroughImportsAndRemovable() {
		assertThat(upload("transcript", "words.vtt", VTT).statusCode()).isEqualTo(302);
		HttpResponse<byte[]> uploaded = upload("chapters", "chapters.json", CHAPTERS);
		assertThat(uploaded.statusCode()).isEqualTo(302);
		assertThat(uploaded.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/admin/episodes/" + this.id + "/edit"));

		HttpResponse<byte[]> transcript = this.site.get("/episodes/rust-at-the-edge/transcript.vtt");
		assertThat(transcript.statusCode()).isEqualTo(200);
		assertThat(transcript.body()).isEqualTo(VTT);
		assertThat(transcript.headers().firstValue("Content-Type")).hasValue("text/vtt;charset=UTF-8");
		assertThat(transcript.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
		assertThat(transcript.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(transcript.headers().firstValue("Set-Cookie")).isEmpty();
		String etag = transcript.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{64}\"");
		assertThat(this.site.get("/episodes/rust-at-the-edge/transcript.vtt", "If-None-Match", etag).statusCode())
			.isEqualTo(304);
		assertThat(this.site.get("/episodes/rust-at-the-edge/transcript.vtt?utm_source=x").statusCode())
			.as("no page: not redirected to another address")
			.isEqualTo(200);
		HttpResponse<byte[]> chapters = this.site.get("/episodes/rust-at-the-edge/chapters.json");
		assertThat(chapters.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(chapters.body()).isEqualTo(CHAPTERS);
		assertThat(this.site.get("/episodes/rust-at-the-edge/transcript.srt").statusCode()).isEqualTo(404);

		assertShowsTheHostsFiles();
		String feed = new String(this.site.body("/feed.xml"), StandardCharsets.UTF_8);
		assertThat(feed).contains("url=\"" + BASE + "transcript.vtt\"", "url=\"" + BASE + "chapters.json\"")
			.doesNotContain("https://files.example/1.vtt");

		// The feed changes the episode: the host's files stay, and so does what they
		// hold.
		importFeed("Rust at the edge, renamed");
		assertShowsTheHostsFiles();

		HttpResponse<byte[]> removed = this.site.post("/admin/episodes/" + this.id + "/files/transcript/remove",
				Map.of("_csrf", csrf()), "Cookie", this.session);
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(this.site.get("/episodes/rust-at-the-edge/transcript.vtt").statusCode()).isEqualTo(404);
		Document page = Jsoup.parse(new String(this.site.body("/episodes/rust-at-the-edge"), StandardCharsets.UTF_8));
		assertThat(page.select(".transcript")).as("the feed's is read at the next import").isEmpty();
		assertThat(page.select("a[href=https://files.example/1.vtt]")).hasSize(1);
		assertThat(new String(this.site.body("/feed.xml"), StandardCharsets.UTF_8))
			.contains("https://files.example/1.vtt")
			.contains(BASE + "chapters.json");
	}

	@Test
	void aFileTheSiteCannotReadIsRefusedInTheForm() {
		HttpResponse<byte[]> refused = upload("transcript", "notes.vtt",
				"<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(new String(refused.body(), StandardCharsets.UTF_8));
		assertThat(form.select("#transcript-file").first().parent().select(".field-error").text())
			.startsWith("The file is not a WebVTT, SubRip or Podcasting 2.0 JSON transcript");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_file", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT url FROM episode_transcript", String.class))
			.isEqualTo("https://files.example/1.vtt");
	}

	@Test
	void aFileTooLargeForTheServerToReadIsRefusedWithAPageThatSaysSo() {
		// Past twice podsite.media-files.max-bytes (5 MB) the server reads nothing of it,
		// but reads the request to its end so that the browser gets the answer.
		HttpResponse<byte[]> refused = this.site.postFile("/admin/episodes/" + this.id + "/files/transcript",
				Map.of("_csrf", csrf()), "file", "huge.vtt", "text/vtt", new byte[11 * 1024 * 1024], "Cookie",
				this.session, "Accept", "text/html");
		assertThat(refused.statusCode()).isEqualTo(413);
		Document page = Jsoup.parse(new String(refused.body(), StandardCharsets.UTF_8));
		assertThat(page.select("h1").text()).isEqualTo("Too large");
		assertThat(page.text()).contains("Nothing was saved");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode_file", Integer.class)).isZero();
	}

	private void assertShowsTheHostsFiles() {
		Document page = Jsoup.parse(new String(this.site.body("/episodes/rust-at-the-edge"), StandardCharsets.UTF_8));
		assertThat(page.select(".chapter-list li").eachText()).containsExactly("0:00 Welcome",
				"1:05 Ownership at the edge");
		assertThat(page.select(".transcript").text()).contains("Hello from the host’s own transcript.", "And goodbye.");
		assertThat(page.select("a[href=" + BASE + "transcript.vtt]")).hasSize(1);
	}

	private HttpResponse<byte[]> upload(String kind, String name, byte[] content) {
		return this.site.postFile("/admin/episodes/" + this.id + "/files/" + kind, Map.of("_csrf", csrf()), "file",
				name, "application/octet-stream", content, "Cookie", this.session);
	}

	private String csrf() {
		HttpResponse<byte[]> form = this.site.get("/admin/episodes/" + this.id + "/edit", "Cookie", this.session);
		assertThat(form.statusCode()).isEqualTo(200);
		return SiteHttp.csrfToken(form.body());
	}

	private void importFeed(String title) {
		ImportRun run = new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				rss("", item("1", title, DATE,
						"<enclosure url=\"https://cdn.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
								+ "<podcast:transcript url=\"https://files.example/1.vtt\" type=\"text/vtt\"/>")));
		assertThat(run.getStatus()).isIn(ImportStatus.SUCCEEDED, ImportStatus.UNCHANGED);
	}

}
