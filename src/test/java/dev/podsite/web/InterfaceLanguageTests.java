package dev.podsite.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.feedimport.TestFeeds;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.TestTimelines;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, the interface speaks the language the browser asks for (Romanian or
 * English): no English word of the interface is left on a Romanian page, public or the
 * host's, while the show's own words stay as the feed writes them and say their language;
 * each language's page is kept and revalidated apart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InterfaceLanguageTests {

	private static final String ROMANIAN = "ro-RO,ro;q=0.9,en;q=0.5";

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private SiteHttp site;

	@BeforeEach
	void anEnglishShowWithEverythingAnEpisodeCanHave() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
		List<dev.podsite.episode.ImportedEpisode> episodes = new ArrayList<>();
		episodes.add(TestEpisodes.episode("talk", "Talking shop", TestEpisodes.NEWEST.plus(Duration.ofDays(1)))
			.notes("<p>We talk shop. <a href=\"https://docs.rs/tokio\">Tokio</a></p>")
			.audio("https://cdn.show.example/talk.mp3", 3725)
			.season(2)
			.number(26)
			.type(dev.podsite.episode.EpisodeType.BONUS)
			.person(new Person("Ann Host", "host", null, null, null))
			.person(new Person("Bo Guest", "guest", null, null, "https://bo.example/"))
			.chapters("https://show.example/talk/chapters.json")
			.transcript(new Transcript("https://show.example/talk.vtt", "text/vtt", "en", null))
			.build());
		episodes.addAll(TestEpisodes.large(25));
		new SiteData(this.context).store(TestEpisodes.show("Rust Radio"), episodes);
		new SiteData(this.context).storeTimeline(slug(), TestTimelines.chapters(3), TestTimelines.cues(10, 2));
	}

	@Test
	void noEnglishInterfaceWordIsLeftOnARomanianPublicPage() throws IOException {
		Set<String> english = englishPhrases();
		for (String path : publicPages()) {
			Document romanian = page(path, ROMANIAN);
			assertThat(romanian.selectFirst("html").attr("lang")).as(path).isEqualTo("ro");
			assertThat(englishIn(romanian, english)).as(path).isEmpty();
			Document inEnglish = page(path, "en");
			assertThat(inEnglish.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
			assertThat(englishIn(inEnglish, english)).as(path).hasSizeGreaterThan(2);
		}
	}

	@Test
	void theShowsOwnWordsStayAsWrittenAndSayTheirLanguage() {
		Document episode = page("/episodes/" + slug(), ROMANIAN);
		assertThat(episode.select("h1").attr("lang")).isEqualTo("en");
		assertThat(episode.select("h1").text()).isEqualTo("Talking shop");
		assertThat(episode.select("section.notes").attr("lang")).isEqualTo("en");
		assertThat(episode.select(".turns").attr("lang")).isEqualTo("en");
		assertThat(episode.select("h2#chapters").text()).isEqualTo("Capitole");
		// In English, the page's language is the show's: nothing to say apart.
		assertThat(page("/episodes/" + slug(), "en").select("[lang]")).hasSize(1);
	}

	@Test
	void datesCountsAndRolesReadAsRomanian() {
		Document episode = page("/episodes/" + slug(), ROMANIAN);
		assertThat(episode.select("p.meta time").first().text()).isEqualTo("2 ianuarie 2026");
		assertThat(episode.select("p.meta time").first().attr("datetime")).isEqualTo("2026-01-02");
		assertThat(episode.select("p.meta").text()).contains("Sezonul 2").contains("Episodul 26");
		assertThat(episode.select("ul.persons").text()).contains("(invitat)").contains("(gazdă)");
		assertThat(episode.select(".transcript summary").text()).matches("Citește transcrierea \\(\\d+ replic[iă]\\)");
		assertThat(page("/episodes", ROMANIAN).select("p.meta").first().text()).isEqualTo("26 de episoade");
		assertThat(page("/episodes", "en").select("p.meta").first().text()).isEqualTo("26 episodes");
		Document people = page("/people", ROMANIAN);
		assertThat(people.text()).contains("Gazdă").contains("1 episod");
		assertThat(page("/", ROMANIAN).select("p.meta").first().text()).isEqualTo("Limba: Engleză");
		assertThat(page("/login?wait=1", ROMANIAN).select(".flash-error").text())
			.isEqualTo("Prea multe autentificări eșuate de aici. Încearcă din nou peste o secundă.");
		assertThat(page("/login?wait=45", ROMANIAN).select(".flash-error").text()).endsWith("peste 45 de secunde.");
		assertThat(page("/login?wait=300", ROMANIAN).select(".flash-error").text()).endsWith("peste 5 minute.");
		assertThat(page("/login?wait=300", "en").select(".flash-error").text()).endsWith("in 5 minutes.");
	}

	@Test
	void theHostsPagesSpeakRomanianWhenAsked() throws IOException {
		Set<String> english = englishPhrases();
		String session = this.site.hostSession();
		long episode = this.jdbc.queryForObject("SELECT id FROM episode WHERE slug = ?", Long.class, slug());
		long person = this.jdbc.queryForObject("SELECT id FROM person WHERE name = 'Bo Guest'", Long.class);
		for (String path : List.of("/admin", "/admin/episodes", "/admin/episodes/new",
				"/admin/episodes/" + episode + "/edit", "/admin/episodes/" + episode + "/delete", "/admin/people",
				"/admin/people/" + person)) {
			HttpResponse<byte[]> romanian = this.site.get(path, "Cookie", session, "Accept-Language", ROMANIAN);
			assertThat(romanian.statusCode()).as(path).isEqualTo(200);
			Document page = Jsoup.parse(new String(romanian.body(), StandardCharsets.UTF_8));
			// What the host typed (or the feed gave) is not the interface.
			page.select("textarea, input[type=text], input[type=url], input[type=search], select#other").remove();
			assertThat(englishIn(page, english)).as(path).isEmpty();
			HttpResponse<byte[]> inEnglish = this.site.get(path, "Cookie", session, "Accept-Language", "en");
			assertThat(englishIn(Jsoup.parse(new String(inEnglish.body(), StandardCharsets.UTF_8)), english)).as(path)
				.isNotEmpty();
		}
	}

	@Test
	void whatTheImportsSaidReadsInTheHostsLanguage() throws IOException {
		Set<String> english = englishPhrases();
		// Only the imported feed's episodes: none left the feed to be listed.
		Database.clear(this.jdbc);
		AtomicInteger answer = new AtomicInteger(200);
		HttpServer server = feedServer(answer,
				TestFeeds.rss("", TestFeeds.item("untitled", null, "Mon, 01 Jan 2024 10:00:00 +0000", ""),
						TestFeeds.item("soon", "Soon", "Tue, 02 Jan 2024 10:00:00 +0000",
								"<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">soon"
										+ "</itunes:duration>")));
		try {
			URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
			ImporterHarness imports = new ImporterHarness(this.context);
			imports.importFrom(feed);
			answer.set(410);
			imports.importFrom(feed);
		}
		finally {
			server.stop(0);
		}
		// A run recorded before notices had keys keeps its English words.
		this.jdbc.update("INSERT INTO import_run (feed_url, started_at, finished_at, status, error_message)"
				+ " VALUES ('https://old.example/feed.xml', now() - interval '1 day', now() - interval '1 day',"
				+ " 'FAILED', 'An English reason from before.')");
		assertThat(this.jdbc.queryForObject("SELECT error_notice ->> 'code' FROM import_run WHERE http_status = 410",
				String.class))
			.as("stored as a key, not as words")
			.isEqualTo("fetch.answered");
		String session = this.site.hostSession();

		Document romanian = hostPage("/admin", session, ROMANIAN);
		assertThat(englishIn(romanian, english)).isEmpty();
		assertThat(romanian.select("main [role=alert]").text()).startsWith("Fluxul de la http://127.0.0.1:")
			.contains("nu mai există (410)");
		assertThat(romanian.select("table.runs tr.failed").text()).contains("a răspuns 410 (dispărut definitiv)")
			.contains("An English reason from before.");
		assertThat(romanian.select("table.runs details li").eachText()).contains(
				"Un element nu are titlu; e afișat ca „Untitled episode” (untitled).",
				"„Soon” are durata „soon”, care nu e o lungime în secunde, M:SS sau H:MM:SS; e afișat fără durată.");

		Document inEnglish = hostPage("/admin", session, "en");
		assertThat(inEnglish.select("main [role=alert]").text()).contains("is gone (410)");
		assertThat(inEnglish.select("table.runs tr.failed").text()).contains("answered 410 (Gone) instead of the feed")
			.contains("An English reason from before.");
		assertThat(inEnglish.select("table.runs details li").eachText())
			.contains("An item has no title; it is shown as \"Untitled episode\" (untitled).");
	}

	@Test
	void whyAnUploadOrAPeopleLineIsRefusedReadsInTheHostsLanguage() {
		String session = this.site.hostSession();
		long episode = this.jdbc.queryForObject("SELECT id FROM episode WHERE slug = ?", Long.class, slug());
		String edit = "/admin/episodes/" + episode + "/edit";
		for (String language : List.of(ROMANIAN, "en")) {
			String csrf = hostPage(edit, session, language).select("input[name=_csrf]").first().attr("value");
			HttpResponse<byte[]> refused = this.site.postFile("/admin/episodes/" + episode + "/files/transcript",
					Map.of("_csrf", csrf), "file", "notes.txt", "text/plain",
					"Just words.".getBytes(StandardCharsets.UTF_8), "Cookie", session, "Accept-Language", language);
			assertThat(refused.statusCode()).isEqualTo(200);
			Document form = Jsoup.parse(new String(refused.body(), StandardCharsets.UTF_8));
			assertThat(form.select("#transcript-file").first().parent().select(".field-error").text())
				.isEqualTo(language.equals("en")
						? "The file is not a WebVTT, SubRip or Podcasting 2.0 JSON transcript: upload a .vtt, .srt"
								+ " or .json file."
						: "Fișierul nu e o transcriere WebVTT, SubRip sau JSON Podcasting 2.0: încarcă un fișier .vtt,"
								+ " .srt sau .json.");

			Document page = hostPage(edit, session, language);
			Map<String, String> fields = new LinkedHashMap<>();
			for (Element input : page.select("form.episode-form").first().select("input[name], textarea[name]")) {
				if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
					fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.attr("value"));
				}
			}
			for (Element select : page.select("form.episode-form").first().select("select[name]")) {
				Element chosen = select.selectFirst("option[selected]");
				fields.put(select.attr("name"), (chosen != null) ? chosen.attr("value") : "");
			}
			fields.put("people", "Ann Host | host\n | guest\nBo Guest | guest | bo.example");
			HttpResponse<byte[]> notSaved = this.site.post(edit, fields, "Cookie", session, "Accept-Language",
					language);
			assertThat(notSaved.statusCode()).isEqualTo(200);
			String problem = Jsoup.parse(new String(notSaved.body(), StandardCharsets.UTF_8))
				.select("#people")
				.first()
				.parent()
				.select(".field-error")
				.text();
			assertThat(problem).isEqualTo(language.equals("en")
					? "Line 2: give the person's name before the first |. Line 3: the link must be a full https://"
							+ " (or http://) address."
					: "Rândul 2: scrie numele persoanei înainte de primul |. Rândul 3: linkul trebuie să fie o adresă"
							+ " completă https:// (sau http://).");
		}
	}

	private Document hostPage(String path, String session, String languages) {
		HttpResponse<byte[]> response = this.site.get(path, "Cookie", session, "Accept-Language", languages);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	/** Answers the feed, or the status {@code answer} names. */
	private static HttpServer feedServer(AtomicInteger answer, String rss) throws IOException {
		byte[] feed = rss.getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/feed.xml", (exchange) -> {
			int status = answer.get();
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(status, (status == 200) ? feed.length : -1);
			if (status == 200) {
				exchange.getResponseBody().write(feed);
			}
			exchange.close();
		});
		server.start();
		return server;
	}

	@Test
	void theErrorPageSaysWhatWentWrongInTheReadersLanguage() {
		// A form sent without its CSRF token is refused (403) with the generic error
		// page.
		HttpResponse<byte[]> romanian = this.site.post("/admin/import", Map.of(), "Accept", "text/html",
				"Accept-Language", ROMANIAN);
		assertThat(romanian.statusCode()).isEqualTo(403);
		assertThat(
				Jsoup.parse(new String(romanian.body(), StandardCharsets.UTF_8)).select(".error-page p").first().text())
			.isEqualTo("Site-ul nu a putut răspunde la această cerere (eroarea 403: cererea nu poate fi servită așa cum"
					+ " a fost trimisă).");
		HttpResponse<byte[]> english = this.site.post("/admin/import", Map.of(), "Accept", "text/html",
				"Accept-Language", "en");
		assertThat(
				Jsoup.parse(new String(english.body(), StandardCharsets.UTF_8)).select(".error-page p").first().text())
			.isEqualTo("The site could not answer this request (error 403: the request could not be served as it was"
					+ " sent).");
	}

	@Test
	void eachLanguageIsKeptAndRevalidatedApart() {
		String path = "/episodes/" + slug();
		HttpResponse<byte[]> romanian = this.site.get(path, "Accept-Language", ROMANIAN);
		HttpResponse<byte[]> english = this.site.get(path, "Accept-Language", "en");
		HttpResponse<byte[]> romanianAgain = this.site.get(path, "Accept-Language", "ro");
		assertThat(Jsoup.parse(new String(romanian.body(), StandardCharsets.UTF_8)).select("html").attr("lang"))
			.isEqualTo("ro");
		assertThat(Jsoup.parse(new String(english.body(), StandardCharsets.UTF_8)).select("html").attr("lang"))
			.isEqualTo("en");
		assertThat(romanianAgain.body()).isEqualTo(romanian.body());
		for (HttpResponse<byte[]> response : List.of(romanian, english, romanianAgain)) {
			assertThat(response.headers().allValues("Vary"))
				.anySatisfy((vary) -> assertThat(vary).contains("Accept-Language"));
		}
		String romanianTag = romanian.headers().firstValue("ETag").orElseThrow();
		String englishTag = english.headers().firstValue("ETag").orElseThrow();
		assertThat(romanianTag).isNotEqualTo(englishTag);
		assertThat(this.site.get(path, "Accept-Language", "ro", "If-None-Match", romanianTag).statusCode())
			.isEqualTo(304);
		assertThat(this.site.get(path, "Accept-Language", "en", "If-None-Match", englishTag).statusCode())
			.isEqualTo(304);
		HttpResponse<byte[]> otherLanguage = this.site.get(path, "Accept-Language", "en", "If-None-Match", romanianTag);
		assertThat(otherLanguage.statusCode()).isEqualTo(200);
		assertThat(otherLanguage.body()).isEqualTo(english.body());
		// A language the site does not speak gets English, the same kept page.
		assertThat(this.site.get(path, "Accept-Language", "fr").body()).isEqualTo(english.body());
		// The feed is the same in every language.
		assertThat(this.site.get("/feed.xml", "Accept-Language", "ro").headers().allValues("Vary"))
			.noneSatisfy((vary) -> assertThat(vary).contains("Accept-Language"));
	}

	private String slug() {
		return this.jdbc.queryForObject("SELECT slug FROM episode WHERE title = 'Talking shop'", String.class);
	}

	private List<String> publicPages() {
		String person = page("/people", "en").select("main a[href^=/people/]").first().attr("href");
		return List.of("/", "/episodes", "/episodes?page=2", "/episodes/" + slug(), "/people", person,
				"/episodes/no-such-episode", "/login");
	}

	private Document page(String path, String languages) {
		HttpResponse<byte[]> response = this.site.get(path, "Accept", "text/html", "Accept-Language", languages);
		return Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
	}

	/**
	 * The English interface phrases a page holds, once the show's own words (the elements
	 * that carry the show's language) are set aside: in its text, its title and the
	 * attributes people read.
	 */
	static Set<String> englishIn(Document page, Set<String> english) {
		Document copy = page.clone();
		List<String> content = new ArrayList<>();
		for (Element element : copy.select("body [lang]")) {
			content.add(element.text());
		}
		copy.select("body [lang]").remove();
		List<String> read = new ArrayList<>();
		String title = copy.title();
		for (String own : content) {
			if (!own.isBlank()) {
				title = title.replace(own, "");
			}
		}
		read.add(title);
		read.add(copy.body().text());
		for (Element element : copy.select("[aria-label], [title], [placeholder], [alt], [value]")) {
			for (String attribute : List.of("aria-label", "title", "placeholder", "alt", "value")) {
				read.add(element.attr(attribute));
			}
		}
		Set<String> found = new LinkedHashSet<>();
		for (String phrase : english) {
			// As words, not inside an address (/people/…) or a tag (podcast:person).
			Pattern words = Pattern.compile("(?<![\\p{L}/:])" + Pattern.quote(phrase) + "(?!\\p{L})");
			for (String text : read) {
				if (words.matcher(text).find()) {
					found.add(phrase);
				}
			}
		}
		return found;
	}

	/**
	 * The English bundle's words that the Romanian one does not share: each message's
	 * text between its arguments, six characters or longer.
	 */
	static Set<String> englishPhrases() throws IOException {
		Properties english = MessageBundlesTests.bundle("messages.properties");
		Properties romanian = MessageBundlesTests.bundle("messages_ro.properties");
		String romanianText = String.join("\n",
				romanian.stringPropertyNames().stream().map(romanian::getProperty).toList());
		Set<String> phrases = new LinkedHashSet<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			if (key.startsWith("date.") || value.equals(romanian.getProperty(key))) {
				continue;
			}
			for (String piece : value.replace("''", "'").split("\\{[^{}]*\\}|[|#{}]")) {
				String phrase = piece.replaceAll("^[\\p{Punct}\\s…→←“”’0-9<]+|[\\p{Punct}\\s…→←“”’]+$", "");
				if (phrase.length() >= 6 && !phrase.contains("choice") && !romanianText.contains(phrase)) {
					phrases.add(phrase);
				}
			}
		}
		return phrases;
	}

}
