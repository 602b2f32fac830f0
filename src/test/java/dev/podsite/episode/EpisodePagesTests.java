package dev.podsite.episode;

import java.nio.file.Path;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.feedimport.LargeFeed;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.persistence.EntityManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
class EpisodePagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@TempDir
	private Path dir;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
	}

	@Test
	void theListShowsTwentyEpisodesAPageNewestFirstWithPrevAndNextLinks() throws Exception {
		new ImporterHarness(this.context).importFrom(LargeFeed.write(this.dir.resolve("large.xml"), 45));

		Document first = page("/episodes");
		assertThat(first.select("ol.episode-list > li")).hasSize(20);
		assertThat(first.select("ol.episode-list h2 a").first().text()).isEqualTo("Episode 45: Rust at scale, part 45");
		assertThat(first.select("ol.episode-list h2 a").first().attr("href"))
			.isEqualTo("/episodes/episode-45-rust-at-scale-part-45");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/episodes?page=2");
		assertThat(first.select("ol.episode-list time").get(1).text()).isEqualTo("30:45");
		assertThat(first.select("ol.episode-list .summary").first().text()).startsWith("In episode 45 we talk");

		Document third = page("/episodes?page=3");
		assertThat(third.select("ol.episode-list > li")).hasSize(5);
		assertThat(third.select("a[rel=prev]").attr("href")).isEqualTo("/episodes?page=2");
		assertThat(third.select("a[rel=next]")).isEmpty();

		this.mvc.perform(get("/episodes?page=4")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?page=0")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?page=-1")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?page=abc")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?page=99999999999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?page=")).andExpect(status().isOk());
	}

	@Test
	void aListPageCostsTheSameFewQueriesHoweverManyEpisodesItShows() throws Exception {
		new ImporterHarness(this.context).importFrom(LargeFeed.write(this.dir.resolve("large.xml"), 300));
		page("/");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		page("/episodes?page=2");
		long listQueries = statistics.getPrepareStatementCount();
		statistics.clear();
		page("/episodes/episode-150-rust-at-scale-part-150");
		long episodeQueries = statistics.getPrepareStatementCount();
		// The show comes from memory: page + count; episode with its lists + previous +
		// next.
		assertThat(listQueries).isLessThanOrEqualTo(2);
		assertThat(episodeQueries).isLessThanOrEqualTo(4);
	}

	@Test
	void theEpisodePageHasEverythingAListenerNeeds() throws Exception {
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/podcast-namespace-official-example.xml"));
		String slug = this.jdbc.queryForObject(
				"SELECT slug FROM episode WHERE audio_url IS NOT NULL ORDER BY published_at DESC LIMIT 1 OFFSET 1",
				String.class);
		Document page = page("/episodes/" + slug);

		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("h1").text())
			.isEqualTo(this.jdbc.queryForObject("SELECT title FROM episode WHERE slug = ?", String.class, slug));
		assertThat(page.select("audio[controls][preload=none]").attr("src")).startsWith("https://");
		assertThat(page.select("a[download]")).hasSize(1);
		assertThat(page.select(".meta time").first().attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(page.select("a[rel=prev]")).hasSize(1);
		assertThat(page.select("a[rel=next]")).hasSize(1);
		assertThat(page.text()).contains("Chapters").contains("Transcript");
		assertThat(page.select("ul.persons li")).isNotEmpty();
	}

	@Test
	void everyLinkOfTheNotesIsListedAndHostileMarkupIsGone() throws Exception {
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
						<title>Show</title><link>https://show.example/</link><description>d</description>
						<item><guid>h1</guid><title>Hostile</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
						<enclosure url="https://cdn.example/h.mp3" length="1" type="audio/mpeg"/>
						<content:encoded><![CDATA[<p>Read <a href="/blog">our blog</a> and <a href="https://rust-lang.org">Rust</a>.</p>
						<script>document.cookie</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">bad</a>
						<iframe src="https://evil.example"></iframe>]]></content:encoded></item>
						</channel></rss>
						""");
		String html = this.mvc.perform(get("/episodes/hostile")).andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>document", "onerror", "javascript:alert", "<iframe");
		Document page = Jsoup.parse(html);
		assertThat(page.select("section.links li a")).extracting((a) -> a.text() + " " + a.attr("href"))
			.containsExactly("our blog https://show.example/blog", "Rust https://rust-lang.org");
		assertThat(page.select(".notes a").attr("rel")).contains("nofollow").contains("noopener");
	}

	@Test
	void noJavascriptAddressOfTheFeedReachesThePages() throws Exception {
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
				  xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
				<title>Show</title><link>javascript:alert('chan')</link><description>d</description>
				<itunes:image href="javascript:alert('img')"/>
				<podcast:funding url="javascript:alert('fund')">Fund us</podcast:funding>
				<item><guid>j1</guid><title>Hostile</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
				<link>javascript:alert('link')</link>
				<enclosure url="javascript:alert('enc')" type="audio/mpeg" length="5"/>
				<itunes:image href="javascript:alert('epimg')"/>
				<podcast:person href="javascript:alert('person')" img="javascript:alert('face')">Eve</podcast:person>
				<podcast:transcript url="javascript:alert('tr')" type="text/html"/>
				<podcast:chapters url="javascript:alert('ch')" type="application/json+chapters"/>
				</item>
				<item><guid>j2</guid><title>Text post</title><pubDate>Sun, 31 Dec 2023 10:00:00 +0000</pubDate>
				<link>JavaScript:alert('text')</link></item>
				</channel></rss>
				""");
		for (String path : new String[] { "/", "/episodes", "/episodes/hostile", "/episodes/text-post" }) {
			String html = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as(path).doesNotContainIgnoringCase("javascript:");
		}
		Document page = page("/episodes/hostile");
		assertThat(page.select("ul.persons li").text()).contains("Eve");
	}

	@Test
	void theListOfAllLinksIsNotASecondLinksHeading() throws Exception {
		new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
				<title>Show</title><link>https://show.example/</link><description>d</description>
				<item><guid>l1</guid><title>With links</title><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
				<content:encoded><![CDATA[<p>We talk.</p><h3>Links</h3>
				<ul><li><a href="https://rust-lang.org">Rust</a></li></ul>]]></content:encoded></item>
				</channel></rss>
				""");
		Document page = page("/episodes/with-links");
		assertThat(page.select("h2")).extracting(Element::text).containsOnlyOnce("Links");
		assertThat(page.select("h2").eachText()).doesNotHaveDuplicates();
		assertThat(page.select("section.links").attr("aria-labelledby"))
			.isEqualTo(page.select("section.links h2").attr("id"));
		assertThat(page.select("section.links h2").text()).isEqualTo("All links in these notes");
	}

	@Test
	void anEpisodeWithoutAudioIsATextPost() throws Exception {
		new ImporterHarness(this.context).importFrom(Fixtures.feed("edge-cases/hand-picked/gpodder_no-enclosure.rss"));
		String slug = this.jdbc.queryForObject("SELECT slug FROM episode WHERE audio_url IS NULL LIMIT 1",
				String.class);
		Document page = page("/episodes/" + slug);
		assertThat(page.select("audio")).isEmpty();
		assertThat(page.select("h1")).hasSize(1);
	}

	private Document page(String path) throws Exception {
		String html = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
