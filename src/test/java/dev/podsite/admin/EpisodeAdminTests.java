package dev.podsite.admin;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The host's episodes: the form (create, validate, preview, lock), overrides that imports
 * keep, delete and undo, episodes that left the feed, the dashboard.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class EpisodeAdminTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@TempDir
	private Path dir;

	private Path feed;

	@BeforeEach
	void aShowWithOneEpisode() {
		Database.clear(this.jdbc);
		this.feed = this.dir.resolve("feed.xml");
		importFeed(item("1", "From the feed", DATE, "<itunes:duration>100</itunes:duration>"
				+ "<enclosure url=\"https://cdn.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"));
	}

	@Test
	void aNewEpisodeIsOnTheSiteAndInTheFeedAsSoonAsItIsSaved() throws Exception {
		BrowserForm form = newForm().set("title", "Rust at the edge")
			.set("notes", "We talk about **ownership**.\n\n- [The Rust book](https://doc.rust-lang.org/book/)")
			.set("audioUrl", "https://cdn.example/edge.mp3")
			.set("audioLength", "48000000")
			.set("duration", "1:02:05")
			.set("publishedAt", minutesAgo(5))
			.set("season", "2")
			.set("episodeNumber", "7")
			.set("status", "PUBLISHED");
		String location = host(form.submit()).andExpect(redirectedUrlPattern("/admin/episodes/*/edit"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		String guid = this.jdbc.queryForObject("SELECT guid FROM episode WHERE title = 'Rust at the edge'",
				String.class);
		assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(this.jdbc.queryForObject("SELECT audio_type FROM episode WHERE guid = ?", String.class, guid))
			.as("derived from the address")
			.isEqualTo("audio/mpeg");

		Document page = Jsoup.parse(publicPage("/episodes/rust-at-the-edge"));
		assertThat(page.select("h1").text()).isEqualTo("Rust at the edge");
		assertThat(page.select(".notes strong").text()).isEqualTo("ownership");
		assertThat(page.select(".notes li a").attr("href")).isEqualTo("https://doc.rust-lang.org/book/");
		assertThat(page.select("audio").attr("src")).isEqualTo("https://cdn.example/edge.mp3");
		assertThat(page.text()).contains("1:02:05", "Season 2", "Episode 7");

		String feed = new String(new SiteHttp(this.port).body("/feed.xml"));
		assertThat(feed).contains("<title>Rust at the edge</title>", ">" + guid + "</guid>",
				"<enclosure url=\"https://cdn.example/edge.mp3\" length=\"48000000\" type=\"audio/mpeg\"");

		// Editing keeps the guid.
		BrowserForm edit = BrowserForm.of(adminPage(location), "/edit").set("title", "Rust at the edge, again");
		host(edit.submit()).andExpect(redirectedUrl(location));
		assertThat(this.jdbc.queryForObject("SELECT guid FROM episode WHERE title = 'Rust at the edge, again'",
				String.class))
			.isEqualTo(guid);
	}

	@Test
	void draftsStayPrivateAndScheduledEpisodesWaitForTheirTime() throws Exception {
		host(newForm().set("title", "A draft").set("audioUrl", "https://cdn.example/d.mp3").submit())
			.andExpect(status().isFound());
		host(newForm().set("title", "Next week")
			.set("audioUrl", "https://cdn.example/n.mp3")
			.set("publishedAt",
					DateTimeFormatter.ISO_LOCAL_DATE_TIME
						.format(Instant.now().plus(7, ChronoUnit.DAYS).atZone(ZONE).toLocalDateTime().withNano(0)))
			.set("status", "PUBLISHED")
			.submit()).andExpect(status().isFound());

		assertThat(statusOf("/episodes/a-draft")).isEqualTo(404);
		assertThat(statusOf("/episodes/next-week")).isEqualTo(404);
		assertThat(new String(new SiteHttp(this.port).body("/feed.xml"))).doesNotContain("A draft", "Next week");
		Document list = Jsoup.parse(adminPage("/admin/episodes"));
		assertThat(list.select("tr:contains(A draft) .state").text()).isEqualTo("Draft");
		assertThat(list.select("tr:contains(Next week) .state").text()).isEqualTo("Scheduled");
	}

	@Test
	void aSecondSaveFromAStaleFormIsRefusedAndTheFirstStands() throws Exception {
		long id = episodeId("From the feed");
		String editPage = adminPage("/admin/episodes/" + id + "/edit");
		BrowserForm firstTab = BrowserForm.of(editPage, "/edit");
		BrowserForm secondTab = BrowserForm.of(editPage, "/edit");

		host(firstTab.set("title", "Saved first").submit()).andExpect(status().isFound());
		String refused = host(secondTab.set("duration", "9:59").submit()).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(refused).contains("Someone else saved this episode after you opened it");
		assertThat(Jsoup.parse(refused).select("#duration").attr("value")).as("what was typed is kept")
			.isEqualTo("9:59");
		assertThat(this.jdbc.queryForObject("SELECT title FROM episode WHERE id = ?", String.class, id))
			.isEqualTo("Saved first");
		assertThat(this.jdbc.queryForObject("SELECT duration_seconds FROM episode WHERE id = ?", Integer.class, id))
			.isEqualTo(100);
	}

	@Test
	void theHostsChangesToAnImportedEpisodeSurviveImportsUntilReverted() throws Exception {
		long id = episodeId("From the feed");
		host(BrowserForm.of(adminPage("/admin/episodes/" + id + "/edit"), "/edit")
			.set("title", "The host's title")
			.set("notes", "The host's notes with [a link](https://host.example/)")
			.submit()).andExpect(status().isFound());

		// The feed renames the episode and changes its duration and notes.
		importFeed(item("1", "Renamed in the feed", DATE,
				"<itunes:duration>200</itunes:duration>"
						+ "<description>New notes, see https://feed.example/</description>"
						+ "<enclosure url=\"https://cdn.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"));
		assertThat(this.jdbc.queryForMap("SELECT title, duration_seconds FROM episode WHERE id = ?", id))
			.containsEntry("title", "The host's title")
			.containsEntry("duration_seconds", 200);
		Document page = Jsoup.parse(publicPage("/episodes/from-the-feed"));
		assertThat(page.select("h1").text()).isEqualTo("The host's title");
		assertThat(page.select(".links a").eachAttr("href")).containsExactly("https://host.example/");

		Document edit = Jsoup.parse(adminPage("/admin/episodes/" + id + "/edit"));
		assertThat(edit.select("button[name=field][value=title]").text()).isEqualTo("Revert to the feed's");
		assertThat(edit.select("button[name=field][value=notes]")).hasSize(1);
		assertThat(edit.select("button[name=field][value=duration]")).as("not changed by the host").isEmpty();

		host(post("/admin/episodes/" + id + "/revert").param("field", "title"))
			.andExpect(redirectedUrl("/admin/episodes/" + id + "/edit"));
		host(post("/admin/episodes/" + id + "/revert").param("field", "notes")).andExpect(status().isFound());
		page = Jsoup.parse(publicPage("/episodes/from-the-feed"));
		assertThat(page.select("h1").text()).isEqualTo("Renamed in the feed");
		assertThat(page.select(".links a").eachAttr("href")).containsExactly("https://feed.example/");
		assertThat(
				this.jdbc.queryForObject("SELECT cardinality(overrides) FROM episode WHERE id = ?", Integer.class, id))
			.isZero();
	}

	@Test
	void deletingAsksFirstAndCanBeUndone() throws Exception {
		long id = episodeId("From the feed");
		assertThat(adminPage("/admin/episodes/" + id + "/delete")).contains("Delete “From the feed”?");
		assertThat(statusOf("/episodes/from-the-feed")).as("a look at the confirmation deletes nothing").isEqualTo(200);

		host(post("/admin/episodes/" + id + "/delete")).andExpect(redirectedUrl("/admin/episodes"));
		assertThat(statusOf("/episodes/from-the-feed")).isEqualTo(404);
		assertThat(new String(new SiteHttp(this.port).body("/feed.xml"))).doesNotContain("From the feed");
		assertThat(count()).as("a soft delete").isEqualTo(1);
		importFeed(item("1", "From the feed", DATE, ""));
		assertThat(statusOf("/episodes/from-the-feed")).as("an import does not bring it back").isEqualTo(404);
		assertThat(Jsoup.parse(adminPage("/admin/episodes")).select("tr:contains(From the feed) .state").text())
			.isEqualTo("Deleted");

		host(post("/admin/episodes/" + id + "/undelete")).andExpect(redirectedUrl("/admin/episodes"));
		assertThat(statusOf("/episodes/from-the-feed")).isEqualTo(200);
	}

	@Test
	void anUnknownEpisodeIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/episodes/999999/edit").with(user("host").roles("HOST")))
			.andExpect(status().isNotFound());
		host(post("/admin/episodes/999999/delete")).andExpect(status().isNotFound());
		host(post("/admin/episodes/999999/keep")).andExpect(status().isNotFound());
	}

	@Test
	void episodesThatLeftTheFeedAreListedAndCanBeKeptOnTheSite() throws Exception {
		importFeed(item("2", "Still there", DATE, ""));
		Document dashboard = Jsoup.parse(adminPage("/admin"));
		assertThat(dashboard.select(".admin-list li a").first().text()).isEqualTo("From the feed");

		host(post("/admin/episodes/" + episodeId("From the feed") + "/keep")).andExpect(redirectedUrl("/admin"));
		assertThat(statusOf("/episodes/from-the-feed")).isEqualTo(200);
		assertThat(importFeed(item("2", "Still there", DATE, ""), item("3", "New", DATE, "")).getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(statusOf("/episodes/from-the-feed")).as("the next import leaves it on the site").isEqualTo(200);
		assertThat(Jsoup.parse(adminPage("/admin")).select(".admin-list li")).isEmpty();
	}

	@Test
	void theDashboardShowsTheImportsAndImportsNowOnRequest() throws Exception {
		new ImporterHarness(this.context).importFrom(this.dir.resolve("missing.xml"));
		Document dashboard = Jsoup.parse(adminPage("/admin"));
		assertThat(dashboard.text()).contains("apple-itunes-spec-example_all-about-everything.xml");
		assertThat(dashboard.select("table.runs tbody tr")).hasSize(2);
		assertThat(dashboard.select("table.runs tr.failed").text()).contains("Failed", "does not exist");
		assertThat(dashboard.select("table.runs tbody tr").last().text()).contains("Succeeded");

		String message = host(post("/admin/import")).andExpect(redirectedUrl("/admin"))
			.andReturn()
			.getFlashMap()
			.get("message")
			.toString();
		assertThat(message).isEqualTo("Imported the feed: 3 new, 0 updated, 0 unchanged, 1 hidden.");
		assertThat(Jsoup.parse(adminPage("/admin")).select("table.runs tbody tr")).hasSize(3);
	}

	@Test
	void theDashboardSaysWhenTheSiteShowsTheDemo() throws Exception {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(this.dir.resolve("unreachable.xml"));
		assertThat(Jsoup.parse(adminPage("/admin")).select(".notice").text())
			.contains("The site shows the bundled demo snapshot");
	}

	@Test
	void theListSearchesTitles() throws Exception {
		importFeed(item("1", "From the feed", DATE, ""), item("2", "Rust in 100% production", DATE, ""),
				item("3", "Another RUST story", DATE, ""));
		assertThat(titles("rust")).containsExactlyInAnyOrder("Rust in 100% production", "Another RUST story");
		assertThat(titles("100%")).containsExactly("Rust in 100% production");
		assertThat(titles("1_0")).isEmpty();
		assertThat(titles("")).hasSize(3);
	}

	private List<String> titles(String query) throws Exception {
		String page = this.mvc.perform(get("/admin/episodes").param("q", query).with(user("host").roles("HOST")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(page).select("table.episodes-table tbody td:first-child a").eachText();
	}

	private BrowserForm newForm() throws Exception {
		return BrowserForm.of(adminPage("/admin/episodes/new"), "/admin/episodes/new");
	}

	private String adminPage(String path) throws Exception {
		return this.mvc.perform(get(path).with(user("host").roles("HOST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String publicPage(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private int statusOf(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private ResultActions host(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user("host").roles("HOST")).with(csrf()));
	}

	private ImportRun importFeed(String... items) {
		ImportRun run = new ImporterHarness(this.context).importXml(this.feed, rss("", items));
		assertThat(run.getStatus()).isIn(ImportStatus.SUCCEEDED, ImportStatus.UNCHANGED);
		return run;
	}

	private long episodeId(String title) {
		return this.jdbc.queryForObject("SELECT id FROM episode WHERE title = ?", Long.class, title);
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM episode", Integer.class);
	}

	private static String error(Document form, String field) {
		return form.select("#" + field).first().parent().select(".field-error").text();
	}

	private static String minutesAgo(int minutes) {
		return DateTimeFormatter.ISO_LOCAL_DATE_TIME
			.format(Instant.now().minus(minutes, ChronoUnit.MINUTES).atZone(ZONE).toLocalDateTime().withNano(0));
	}

}
