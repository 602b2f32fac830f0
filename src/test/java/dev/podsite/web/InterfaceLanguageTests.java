package dev.podsite.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
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
