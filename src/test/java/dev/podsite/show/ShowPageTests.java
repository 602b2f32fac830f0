package dev.podsite.show;

import java.time.Instant;
import java.util.List;

import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class ShowPageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private SiteData site;

	private Pages pages;

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
		this.site = new SiteData(this.context);
	}

	@Test
	void theShowPageShowsTheShowAndItsLatestEpisodes() throws Exception {
		this.site.store(TestEpisodes.show("Launched"), TestEpisodes.large(8));
		Document page = this.pages.page("/");
		assertThat(page.select("h1").text()).isEqualTo("Launched");
		assertThat(page.select("img.artwork").attr("src")).startsWith("https://");
		assertThat(page.select(".author").text()).startsWith("by ");
		assertThat(page.select("ul.categories li")).isNotEmpty();
		assertThat(page.select(".description").text()).isNotBlank();
		assertThat(page.text()).contains("Language: English");
		assertThat(page.select("ol.episode-list > li")).hasSize(5);
		assertThat(page.select("a[href=/feed.xml]")).isNotEmpty();
		assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/feed.xml");
		assertThat(page.select("meta[name=viewport]")).hasSize(1);
		assertThat(page.select(".demo-notice")).isEmpty();
	}

	@Test
	void anEmptySiteSaysItWaitsForTheFirstImportAndNoMore() throws Exception {
		Document before = this.pages.page("/");
		assertThat(before.select("h1").text()).isEqualTo("Nothing here yet");
		assertThat(before.text()).contains("waiting for the first import of the show's feed");

		// Why an import failed is the host's business (the dashboard), not visitors'.
		this.jdbc.update("INSERT INTO import_run (feed_url, started_at, finished_at, status, error_message)"
				+ " VALUES ('https://feeds.example/x', now(), now(), 'FAILED', 'The feed at https://feeds.example/x answered 500')");
		Document after = this.pages.page("/");
		assertThat(after.text()).isEqualTo(before.text()).doesNotContain("answered 500");
		assertThat(this.pages.page("/episodes").text()).contains("No episode has been published yet");
	}

	@Test
	void thePageSpeaksTheInterfacesLanguageAndTheShowsWordsSayTheirOwn() throws Exception {
		assertThat(this.pages.page("/").select("html").attr("lang")).isEqualTo("en");
		Document romanian = pageOfAShowIn("ro");
		assertThat(romanian.select("html").attr("lang")).isEqualTo("en");
		assertThat(romanian.select("h1").attr("lang")).isEqualTo("ro");
		assertThat(romanian.select(".description").attr("lang")).isEqualTo("ro");
		assertThat(romanian.text()).contains("Language: Romanian");
		Document named = pageOfAShowIn("English");
		assertThat(named.select("html").attr("lang")).isEqualTo("en");
		assertThat(named.select("body [lang]")).isEmpty();
		assertThat(named.text()).contains("Language: English");
		Document unknown = pageOfAShowIn("Klingonisch");
		assertThat(unknown.select("html").attr("lang")).isEqualTo("en");
		assertThat(unknown.select("body [lang]")).isEmpty();
	}

	@Test
	void aShowWithoutArtworkGetsItsInitialsOnAColourOfItsOwn() throws Exception {
		ShowContent withArtwork = TestEpisodes.show("Rust in Production");
		ShowContent without = new ShowContent(withArtwork.title(), withArtwork.link(), withArtwork.descriptionHtml(),
				withArtwork.author(), withArtwork.ownerName(), withArtwork.ownerEmail(), null, withArtwork.language(),
				withArtwork.copyright(), withArtwork.explicit(), withArtwork.type(), null, null, null,
				withArtwork.categories(), withArtwork.fundings());
		this.site.store(without, TestEpisodes.large(2));
		Document page = this.pages.page("/");
		assertThat(page.select("img.artwork")).isEmpty();
		assertThat(page.select(".artwork.placeholder").text()).isEqualTo("RI");
		assertThat(page.select(".artwork.placeholder").attr("class")).matches(".*\\bhue-[0-7]\\b.*");
		assertThat(page.select(".artwork.placeholder").attr("aria-hidden")).isEqualTo("true");
	}

	@Test
	void summariesOnTheShowPageAreProse() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("1", "One", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<p>We talk. Listen on the hosting platform: https://letscast.fm/sites/x-1</p>")
					.build()));
		assertThat(this.pages.page("/").select("ol.episode-list .summary").text()).isEqualTo("We talk.");
	}

	private Document pageOfAShowIn(String language) throws Exception {
		this.site.store(TestEpisodes.show("Show", language),
				List.of(TestEpisodes.episode("1", "One", Instant.parse("2024-01-01T10:00:00Z")).build()));
		return this.pages.page("/");
	}

}
