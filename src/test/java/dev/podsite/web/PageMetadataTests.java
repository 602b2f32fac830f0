package dev.podsite.web;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What every public page says of itself in its head: a description, its one address as
 * the canonical link, Open Graph and Twitter card properties, and on the show's and the
 * episodes' pages schema.org data as JSON-LD, read back here with Jackson.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageMetadataTests {

	private static final String SITE = "https://podcast.example";

	private static final String HOSTILE = "Hello </script><script>alert(1)</script> & <b>bye</b>";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private Pages pages;

	@BeforeEach
	void aShowWithEpisodesAndPeople() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
		List<ImportedEpisode> episodes = new ArrayList<>(TestEpisodes.large(24));
		episodes.add(0,
				TestEpisodes.episode("first", "First steps", Instant.parse("2026-02-01T09:30:00Z"))
					.notes("<p>We talk about the first steps of a team moving to Rust.</p>")
					.audio("https://cdn.example/first.mp3", 3725)
					.number(25)
					.person(new Person("Ann Guest", "guest", null, "https://show.example/ann.jpg", null))
					.build());
		episodes.add(0,
				TestEpisodes.episode("hostile", HOSTILE, Instant.parse("2026-02-02T09:30:00Z"))
					.notes("<p>Titles are text.</p>")
					.audio("https://cdn.example/hostile.mp3", 60)
					.build());
		new SiteData(this.context).store(TestEpisodes.show("Launched"), episodes);
	}

	@Test
	void theShowPageDescribesTheShowAsAPodcastSeries() throws Exception {
		Document page = this.pages.page("/");
		assertCard(page, SITE + "/", "website", "Launched", "A show about Launched.", "https://show.example/art.jpg");

		JsonNode series = jsonLd(page);
		assertThat(series.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(series.path("@type").asString()).isEqualTo("PodcastSeries");
		assertThat(series.path("name").asString()).isEqualTo("Launched");
		assertThat(series.path("description").asString()).isEqualTo("A show about Launched.");
		assertThat(series.path("url").asString()).isEqualTo(SITE + "/");
		assertThat(series.path("webFeed").asString()).isEqualTo(SITE + "/feed.xml");
		assertThat(series.path("image").asString()).isEqualTo("https://show.example/art.jpg");
		assertThat(series.path("inLanguage").asString()).isEqualTo("en");
	}

	@Test
	void anEpisodesPageDescribesTheEpisodeItsAudioAndItsShow() throws Exception {
		Document page = this.pages.page("/episodes/first-steps?t=60");
		// A time link is the episode's page at a moment: its one address has no moment.
		assertCard(page, SITE + "/episodes/first-steps", "article", "First steps",
				"We talk about the first steps of a team moving to Rust.", "https://show.example/art.jpg");
		assertThat(property(page, "og:audio")).isEqualTo("https://cdn.example/first.mp3");
		assertThat(property(page, "og:audio:type")).isEqualTo("audio/mpeg");
		assertThat(property(page, "article:published_time")).isEqualTo("2026-02-01T09:30:00Z");

		JsonNode episode = jsonLd(page);
		assertThat(episode.path("@context").asString()).isEqualTo("https://schema.org");
		assertThat(episode.path("@type").asString()).isEqualTo("PodcastEpisode");
		assertThat(episode.path("url").asString()).isEqualTo(SITE + "/episodes/first-steps");
		assertThat(episode.path("name").asString()).isEqualTo("First steps");
		assertThat(episode.path("description").asString())
			.isEqualTo("We talk about the first steps of a team moving to Rust.");
		assertThat(episode.path("datePublished").asString()).isEqualTo("2026-02-01T09:30:00Z");
		assertThat(episode.path("timeRequired").asString()).isEqualTo("PT1H2M5S");
		assertThat(episode.path("episodeNumber").asInt()).isEqualTo(25);
		JsonNode media = episode.path("associatedMedia");
		assertThat(media.path("@type").asString()).isEqualTo("MediaObject");
		assertThat(media.path("contentUrl").asString()).isEqualTo("https://cdn.example/first.mp3");
		assertThat(media.path("encodingFormat").asString()).isEqualTo("audio/mpeg");
		JsonNode series = episode.path("partOfSeries");
		assertThat(series.path("@type").asString()).isEqualTo("PodcastSeries");
		assertThat(series.path("name").asString()).isEqualTo("Launched");
		assertThat(series.path("url").asString()).isEqualTo(SITE + "/");
	}

	@Test
	void aTitleThatClosesTheScriptStaysInsideTheJson() throws Exception {
		String html = this.pages.html("/episodes/"
				+ this.jdbc.queryForObject("SELECT slug FROM episode WHERE guid = 'hostile'", String.class));
		Document page = Jsoup.parse(html);
		// Every script of the page is ours: files, and the one data block.
		assertThat(page.select("script:not([src])")).hasSize(1);
		assertThat(page.select("script:not([src])").attr("type")).isEqualTo("application/ld+json");
		assertThat(html).doesNotContain("<script>alert(1)</script>");
		String data = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(data).doesNotContain("<", ">", "&");
		assertThat(data.toLowerCase()).contains("\\u003c/script\\u003e");
		assertThat(this.json.readTree(data).path("name").asString()).isEqualTo(HOSTILE);
		assertThat(property(page, "og:title")).isEqualTo(HOSTILE);
		assertThat(page.title()).startsWith(HOSTILE);
	}

	@Test
	void theListsPagesHaveTheirOwnAddresses() throws Exception {
		Document first = this.pages.page("/episodes");
		assertCard(first, SITE + "/episodes", "website", "Episodes", "Every episode of Launched, newest first.",
				"https://show.example/art.jpg");
		Document second = this.pages.page("/episodes?page=2");
		assertThat(canonical(second)).isEqualTo(SITE + "/episodes?page=2");
		assertThat(property(second, "og:title")).isEqualTo("Episodes (page 2)");
		assertThat(second.select("script[type=application/ld+json]")).isEmpty();
	}

	@Test
	void thePeoplesPagesHaveTheirMetadata() throws Exception {
		assertCard(this.pages.page("/people"), SITE + "/people", "website", "People",
				"The hosts and guests of Launched.", "https://show.example/art.jpg");
		assertCard(this.pages.page("/people/ann-guest"), SITE + "/people/ann-guest", "profile", "Ann Guest",
				"Ann Guest (Guest) on Launched: 1 episode.", "https://show.example/ann.jpg");
	}

	@Test
	void aPageNotFoundHasNoAddressToClaim() throws Exception {
		Document missing = Jsoup
			.parse(this.mvc.perform(get("/episodes/no-such-episode")).andReturn().getResponse().getContentAsString());
		assertThat(missing.select("link[rel=canonical], meta[property^=og:]")).isEmpty();
	}

	@Test
	void theShowsAndEpisodesPagesOfferSubscribeButtonsAndTheFeedsAddressWithoutJavaScript() throws Exception {
		for (String path : List.of("/", "/episodes/first-steps")) {
			Document page = this.pages.page(path);
			Element subscribe = page.selectFirst("section.subscribe");
			assertThat(subscribe).as(path).isNotNull();
			assertThat(subscribe.select("h2").text())
				.isEqualTo(path.equals("/") ? "Subscribe" : "Subscribe to Launched");
			assertThat(subscribe.select("button[data-copy-feed]").text()).isEqualTo("Copy the address");
			assertThat(subscribe.select("a.subscribe-button").eachText()).containsExactly("Overcast", "Pocket Casts",
					"AntennaPod");
			assertThat(subscribe.select("a.subscribe-button").eachAttr("href")).containsExactly(
					"overcast://x-callback-url/add?url=https%3A%2F%2Fpodcast.example%2Ffeed.xml",
					"pktc://subscribe/podcast.example/feed.xml",
					"https://antennapod.org/deeplink/subscribe?url=https%3A%2F%2Fpodcast.example%2Ffeed.xml"
							+ "&title=Launched");
			// Icons are decoration, ours, content-versioned like the stylesheet.
			assertThat(subscribe.select("a.subscribe-button img")).allSatisfy((icon) -> {
				assertThat(icon.attr("alt")).isEmpty();
				assertThat(icon.attr("src")).matches("/assets/icons/subscribe/[a-z-]+-[0-9a-f]{32}\\.svg");
			});
			Element address = subscribe.selectFirst("input#feed-address");
			assertThat(address.attr("value")).isEqualTo(SITE + "/feed.xml");
			assertThat(address.hasAttr("readonly")).isTrue();
			assertThat(subscribe.select("label[for=feed-address]").text()).contains("feed’s address");
			assertThat(subscribe.select("button[data-copy-feed]").hasAttr("hidden")).as("shown by the script only")
				.isTrue();
			assertThat(subscribe.select("script[src]").attr("src")).matches("/assets/js/subscribe-[0-9a-f]{32}\\.js");
		}
	}

	/**
	 * The subscribe section's words and the pages' own descriptions come from the
	 * messages: a Romanian visitor reads them in Romanian, the script's too (it takes
	 * them from the page). The first request after an import renders the page.
	 */
	@Test
	void aRomanianVisitorReadsTheSubscribeSectionAndThePagesDescriptionsInRomanian() throws Exception {
		Document show = romanian("/");
		Element subscribe = show.selectFirst("section.subscribe");
		assertThat(subscribe.select("h2").text()).isEqualTo("Abonează-te");
		assertThat(subscribe.select("label[for=feed-address]").text())
			.isEqualTo("Sau copiază adresa fluxului în orice aplicație de podcasturi:");
		assertThat(subscribe.select("button[data-copy-feed]").text()).isEqualTo("Copiază adresa");
		assertThat(subscribe.select("[data-copy-status]").attr("data-copied"))
			.isEqualTo("Adresa fluxului a fost copiată.");
		assertThat(subscribe.select("[data-copy-status]").attr("data-selected"))
			.isEqualTo("Adresa este selectată: copiaz-o cu tastatura sau din meniu.");
		assertThat(romanian("/episodes/first-steps").select("section.subscribe h2").text())
			.isEqualTo("Abonează-te la Launched");
		Document list = romanian("/episodes?page=2");
		assertThat(property(list, "og:title")).isEqualTo("Episoade (pagina 2)");
		assertThat(name(list, "description")).isEqualTo("Toate episoadele din Launched, de la cel mai nou.");
		assertThat(name(romanian("/people"), "description")).isEqualTo("Gazdele și invitații din Launched.");
		assertThat(name(romanian("/people/ann-guest"), "description"))
			.isEqualTo("Ann Guest (Guest) în Launched: un episod.");
	}

	@Test
	void theCopyScriptSaysWhatThePageGivesIt() throws Exception {
		Element status = this.pages.page("/").selectFirst("section.subscribe [data-copy-status]");
		assertThat(status.attr("data-copied")).isEqualTo("Copied the feed’s address.");
		assertThat(status.attr("data-selected"))
			.isEqualTo("The address is selected: copy it with your keyboard or menu.");
		String script = new ClassPathResource("static/js/subscribe.js").getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(?m)^\\s*//.*$", "");
		assertThat(Pattern.compile("'[^']*'|\"[^\"]*\"").matcher(script).results().map(MatchResult::group))
			.as("no words of its own")
			.allMatch(
					(literal) -> List.of("'use strict'", "'click'").contains(literal) || literal.startsWith("'[data-"));
		assertThat(script).contains("status.dataset.copied", "status.dataset.selected");
	}

	/** Every subscribe.* and meta.* message has its Romanian, and says it in Romanian. */
	@Test
	void everyMessageOfTheseTemplatesIsInRomanianToo() throws Exception {
		Properties english = messages("messages.properties");
		Properties romanian = messages("messages_ro.properties");
		List<String> keys = english.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("subscribe.") || key.startsWith("meta."))
			.toList();
		assertThat(keys).hasSizeGreaterThan(10);
		for (String key : keys) {
			assertThat(romanian.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
		}
	}

	private Document romanian(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).header("Accept-Language", "ro-RO,ro;q=0.9"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static Properties messages(String name) throws Exception {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		return messages;
	}

	@Test
	void theIconsAreServedFromTheSiteForAYear() throws Exception {
		String src = this.pages.page("/").selectFirst("a.subscribe-button img").attr("src");
		var response = this.mvc.perform(get(src)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("image/svg+xml");
		assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000");
		assertThat(response.getContentAsString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
	}

	/** The description, canonical link, Open Graph and Twitter card of a page. */
	private static void assertCard(Document page, String url, String type, String title, String description,
			String image) {
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(description);
		assertThat(canonical(page)).isEqualTo(url);
		assertThat(property(page, "og:url")).isEqualTo(url);
		assertThat(property(page, "og:type")).isEqualTo(type);
		assertThat(property(page, "og:title")).isEqualTo(title);
		assertThat(property(page, "og:description")).isEqualTo(description);
		assertThat(property(page, "og:image")).isEqualTo(image);
		assertThat(property(page, "og:site_name")).isEqualTo("Launched");
		assertThat(name(page, "twitter:card")).isEqualTo("summary");
		assertThat(name(page, "twitter:title")).isEqualTo(title);
		assertThat(name(page, "twitter:description")).isEqualTo(description);
		assertThat(name(page, "twitter:image")).isEqualTo(image);
		assertThat(page.select("head meta[name=description], head link[rel=canonical]")).hasSize(2);
	}

	private static String canonical(Document page) {
		assertThat(page.select("link[rel=canonical]")).hasSize(1);
		return page.select("link[rel=canonical]").attr("href");
	}

	private static String property(Document page, String property) {
		assertThat(page.select("meta[property=" + property + "]")).as(property).hasSize(1);
		return page.select("meta[property=" + property + "]").attr("content");
	}

	private static String name(Document page, String name) {
		assertThat(page.select("meta[name=" + name + "]")).as(name).hasSize(1);
		return page.select("meta[name=" + name + "]").attr("content");
	}

	private JsonNode jsonLd(Document page) {
		assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
		return this.json.readTree(page.selectFirst("script[type=application/ld+json]").data());
	}

}
