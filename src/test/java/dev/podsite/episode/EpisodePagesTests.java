package dev.podsite.episode;

import java.time.Instant;
import java.util.List;

import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

	private SiteData site;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.site = new SiteData(this.context);
	}

	@Test
	void theListShowsTwentyEpisodesAPageNewestFirstWithPrevAndNextLinks() throws Exception {
		this.site.store(TestEpisodes.show("Large Show"), TestEpisodes.large(45));

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
		this.site.store(TestEpisodes.show("Large Show"), TestEpisodes.large(300));
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
		Instant day = Instant.parse("2024-03-01T10:00:00Z");
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("3", "Newer", day.plusSeconds(86_400))
					.audio("https://cdn.example/3.mp3", 60)
					.build(),
						TestEpisodes.episode("2", "Everything", day)
							.notes("<p>We talk about <a href=\"https://rust-lang.org\">Rust</a>.</p>")
							.audio("https://cdn.example/2.mp3", 3725)
							.chapters("https://show.example/2/chapters.json")
							.transcript(new Transcript("https://show.example/2.vtt", "text/vtt", "en", null))
							.person(new Person("Ann Guest", "guest", null, "https://show.example/ann.jpg",
									"https://ann.example"))
							.build(),
						TestEpisodes.episode("1", "Older", day.minusSeconds(86_400))
							.audio("https://cdn.example/1.mp3", 60)
							.build()));
		Document page = page("/episodes/everything");

		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("h1").text()).isEqualTo("Everything");
		assertThat(page.select("audio[controls][preload=none]").attr("src")).isEqualTo("https://cdn.example/2.mp3");
		assertThat(page.select("a[download]")).hasSize(1);
		assertThat(page.select(".meta time").first().attr("datetime")).isEqualTo("2024-03-01");
		assertThat(page.select(".meta time").get(1).text()).isEqualTo("1:02:05");
		assertThat(page.select("a[rel=prev]").attr("href")).isEqualTo("/episodes/older");
		assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/episodes/newer");
		assertThat(page.text()).contains("Chapters").contains("Transcript");
		assertThat(page.select("ul.persons li").text()).contains("Ann Guest");
		assertThat(page.select("section.links li a").attr("href")).isEqualTo("https://rust-lang.org");
	}

	@Test
	void theListOfAllLinksIsNotASecondLinksHeading() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("l1", "With links", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<p>We talk.</p><h3>Links</h3><ul><li><a href=\"https://rust-lang.org\">Rust</a></li></ul>")
					.build()));
		Document page = page("/episodes/with-links");
		assertThat(page.select("h2")).extracting(Element::text).containsOnlyOnce("Links");
		assertThat(page.select("h2").eachText()).doesNotHaveDuplicates();
		assertThat(page.select("section.links").attr("aria-labelledby"))
			.isEqualTo(page.select("section.links h2").attr("id"));
		assertThat(page.select("section.links h2").text()).isEqualTo("All links in these notes");
	}

	@Test
	void anEpisodeWithoutAudioIsATextPost() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("t1", "A text post", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<p>No audio this week.</p>")
					.build()));
		Document page = page("/episodes/a-text-post");
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
