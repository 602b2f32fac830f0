package dev.podsite.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.ExternalTool;
import dev.podsite.support.Fixtures;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestTimelines;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of page, the public ones and the host's, passes the Nu Html Checker (the
 * W3C's HTML5 validator), and so do the pages of every real feed of the corpus, whatever
 * markup their notes carry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HtmlValidityTests {

	/** Episode pages checked per feed; the notes of all episodes are checked anyway. */
	private static final int EPISODE_PAGES_PER_FEED = 4;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@TempDir
	private Path dir;

	@Test
	void everyKindOfPageAndEveryRealFeedsPagesAreValidHtml5() throws Exception {
		Path checker = ExternalTool.npmPackage("vnu-jar", "build/dist/vnu.jar");
		Database.clear(this.jdbc);
		List<Path> pages = new ArrayList<>();
		pages.add(save("empty", "/"));
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/mike-neumann-show_sovereign-feeds.xml"));
		pages.add(save("show", "/"));
		pages.add(save("list", "/episodes"));
		pages.add(save("list-2", "/episodes?page=2"));
		pages.add(save("not-found", "/episodes/no-such-episode"));
		for (String slug : this.jdbc.queryForList("SELECT slug FROM episode ORDER BY published_at DESC LIMIT 5",
				String.class)) {
			pages.add(save("episode-" + slug, "/episodes/" + slug));
		}
		String withTimeline = this.jdbc.queryForObject(
				"SELECT slug FROM episode WHERE audio_url IS NOT NULL ORDER BY published_at DESC LIMIT 1",
				String.class);
		new SiteData(this.context).storeTimeline(withTimeline, TestTimelines.chapters(12), TestTimelines.cues(2000, 3));
		pages.add(save("episode-with-timeline", "/episodes/" + withTimeline));
		pages.add(save("episode-at-a-moment", "/episodes/" + withTimeline + "?t=754"));
		pages.add(save("search-form", "/search"));
		pages.add(save("search-no-words", "/search?q=%22%22+-"));
		pages.add(save("search-nothing", "/search?q=zzqxv"));
		for (String words : List.of("SELECT content FROM episode_search",
				"SELECT search FROM episode_transcript_window")) {
			String word = this.jdbc.queryForObject(
					"SELECT word FROM ts_stat('" + words + "') ORDER BY ndoc DESC, word LIMIT 1", String.class);
			pages.add(save("search-" + pages.size(), "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)));
		}
		pages.add(save("links", "/links"));
		pages.add(save("links-found", "/links?q=a"));
		pages.add(save("people", "/people"));
		for (String slug : this.jdbc.queryForList("SELECT slug FROM person ORDER BY id", String.class)) {
			pages.add(save("person-" + slug, "/people/" + slug));
		}
		Database.clear(this.jdbc);
		pages.add(save("empty-people", "/people"));
		new ImporterHarness(this.context).importFrom(this.dir.resolve("unreachable.xml"));
		pages.add(save("demo", "/"));
		pages.add(save("demo-episode", "/episodes/" + this.jdbc
			.queryForObject("SELECT slug FROM episode ORDER BY published_at DESC LIMIT 1", String.class)));
		pages.add(save("demo-people", "/people"));
		pages.add(save("demo-host", "/people/matthias-endler"));
		pages.add(save("demo-guest", "/people/orhun-parmaksiz"));
		pages.addAll(saveAdminPages());
		for (String feed : Fixtures.corpus()) {
			if (feed.startsWith("real/")) {
				pages.addAll(savePagesOf(feed));
			}
		}

		// One checker run for all pages: starting the checker costs more than checking.
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", checker.toString(),
						"--errors-only", "--format", "text"));
		pages.forEach((page) -> command.add(page.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(report).as("the checker's report").doesNotContain("Error:").contains("No errors found");
		assertThat(process.exitValue()).isZero();
	}

	/**
	 * The show page, the list, episode pages spread over the feed's history, and one
	 * document holding every episode's notes as the episode page embeds them.
	 */
	private List<Path> savePagesOf(String feed) throws IOException, InterruptedException {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed(feed));
		String name = feed.substring("real/".length()).replaceAll("[^A-Za-z0-9-]", "_");
		List<Path> pages = new ArrayList<>(List.of(save(name + "__show", "/"), save(name + "__list", "/episodes"),
				save(name + "__people", "/people")));
		for (String slug : this.jdbc.queryForList("SELECT slug FROM person ORDER BY id LIMIT 2", String.class)) {
			pages.add(save(name + "__person-" + slug, "/people/" + slug));
		}
		List<String> slugs = this.jdbc.queryForList(
				"SELECT slug FROM episode WHERE NOT hidden AND published_at <= now() ORDER BY published_at DESC",
				String.class);
		int count = Math.min(EPISODE_PAGES_PER_FEED, slugs.size());
		for (int i = 0; i < count; i++) {
			String slug = slugs.get((count > 1) ? i * (slugs.size() - 1) / (count - 1) : 0);
			pages.add(save(name + "__episode-" + i, "/episodes/" + slug));
		}
		StringBuilder notes = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Notes</title></head><body><main><h1>Notes</h1>");
		for (String html : this.jdbc.queryForList("SELECT notes_html FROM episode WHERE notes_html <> ''",
				String.class)) {
			notes.append("<article><section class=\"notes\">").append(html).append("</section></article>");
		}
		pages
			.add(Files.writeString(this.dir.resolve(name + "__all-notes.html"), notes.append("</main></body></html>")));
		return pages;
	}

	/** The host's pages: sign-in, dashboard, list, the form new, edited and refused. */
	private List<Path> saveAdminPages() throws Exception {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/launched_fireside_podcasting20.xml"));
		new ImporterHarness(this.context).importFrom(this.dir.resolve("missing.xml"));
		long id = this.jdbc.queryForObject("SELECT min(id) FROM episode", Long.class);
		this.jdbc
			.update("UPDATE episode SET overrides = '{title,chaptersFile,transcripts,people}', hidden = (id % 5 = 0)"
					+ " WHERE id <= ?", id + 10);
		// The form with an uploaded file, then with a refused one.
		this.mvc.perform(multipart("/admin/episodes/" + id + "/files/transcript")
			.file(new MockMultipartFile("file", "words.vtt", "text/vtt",
					"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n".getBytes(StandardCharsets.UTF_8)))
			.with(user("host").roles("HOST"))
			.with(csrf())).andExpect(status().isFound());
		List<Path> pages = new ArrayList<>(List.of(save("login", "/login"), save("login-error", "/login?error"),
				save("login-wait", "/login?wait=90")));
		long person = this.jdbc.queryForObject("SELECT min(id) FROM person", Long.class);
		for (String path : List.of("/admin", "/admin/episodes", "/admin/episodes?q=launch", "/admin/episodes/new",
				"/admin/episodes/" + id + "/edit", "/admin/episodes/" + id + "/delete", "/admin/people",
				"/admin/people/" + person)) {
			pages.add(saveAdmin(get(path)));
		}
		pages.add(saveAdmin(post("/admin/episodes/new").param("title", "")
			.param("audioUrl", "http://plain.example/a.mp3")
			.param("notes", "Some **notes**")
			.param("preview", "notes")));
		pages.add(saveAdmin(post("/admin/episodes/new").param("title", "").param("duration", "soon")));
		pages.add(saveAdmin(post("/admin/episodes/" + id + "/edit").param("title", "Edited")
			.param("publishedAt", "2024-01-01T10:00")
			.param("status", "PUBLISHED")
			.param("chaptersFile", "not an address")
			.param("people", "| guest")));
		pages.add(saveAdmin(multipart("/admin/episodes/" + id + "/files/chapters").file(new MockMultipartFile("file",
				"chapters.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)))));
		return pages;
	}

	private Path saveAdmin(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		String html = this.mvc.perform(request.with(user("host").roles("HOST")).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).startsWith("<!DOCTYPE html>");
		return Files.writeString(this.dir.resolve("admin-" + html.hashCode() + ".html"), html);
	}

	private Path save(String name, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		return Files.writeString(this.dir.resolve(name + ".html"), response.body());
	}

}
