package dev.podsite.episode;

import java.time.Instant;
import java.util.List;

import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.TestTimelines;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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

	private Pages pages;

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
		this.site = new SiteData(this.context);
	}

	@Test
	void theListShowsTwentyEpisodesAPageNewestFirstWithPrevAndNextLinks() throws Exception {
		this.site.store(TestEpisodes.show("Large Show"), TestEpisodes.large(45));

		Document first = this.pages.page("/episodes");
		assertThat(first.select("ol.episode-list > li")).hasSize(20);
		assertThat(first.select("ol.episode-list h2 a").first().text()).isEqualTo("Episode 45: Rust at scale, part 45");
		assertThat(first.select("ol.episode-list h2 a").first().attr("href"))
			.isEqualTo("/episodes/episode-45-rust-at-scale-part-45");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/episodes?page=2");
		assertThat(first.select("ol.episode-list time").get(1).text()).isEqualTo("30:45");
		assertThat(first.select("ol.episode-list .summary").first().text()).startsWith("In episode 45 we talk");

		Document third = this.pages.page("/episodes?page=3");
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
		this.pages.page("/");
		this.pages.page("/episodes");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.pages.page("/episodes?page=2");
		long listQueries = statistics.getPrepareStatementCount();
		statistics.clear();
		this.pages.page("/episodes/episode-150-rust-at-scale-part-150");
		long episodeQueries = statistics.getPrepareStatementCount();
		// The show, and the seasons and types to filter by, come from memory: page +
		// count; episode with its lists + previous + next.
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
		Document page = this.pages.page("/episodes/everything");

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
	void theLinksOfTheNotesAreGatheredOnlyWhereTheNotesDoNotListThem() throws Exception {
		Instant day = Instant.parse("2024-01-01T10:00:00Z");
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("l1", "With links", day)
					.notes("<p>We talk.</p><h3>Links</h3><ul><li><a href=\"https://rust-lang.org\">Rust</a></li></ul>")
					.build(),
						TestEpisodes.episode("l2", "Links in the text", day.minusSeconds(60))
							.notes("<p>We talk about <a href=\"https://rust-lang.org\">Rust</a> and"
									+ " <a href=\"https://tokio.rs\">Tokio</a>.</p>")
							.build()));
		Document listed = this.pages.page("/episodes/with-links");
		assertThat(listed.select("section.links")).as("the notes list their links already").isEmpty();
		assertThat(listed.select("h2").eachText()).doesNotHaveDuplicates();

		Document inText = this.pages.page("/episodes/links-in-the-text");
		assertThat(inText.select("section.links").attr("aria-labelledby"))
			.isEqualTo(inText.select("section.links h2").attr("id"));
		assertThat(inText.select("section.links h2").text()).isEqualTo("All links in these notes");
		assertThat(inText.select("section.links li a").eachAttr("href")).containsExactly("https://rust-lang.org",
				"https://tokio.rs");
	}

	@Test
	void seasonsAndEpisodeNumbersAreNamesNotAmounts() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("n1", "A long-running show", Instant.parse("2024-03-01T10:00:00Z"))
					.audio("https://cdn.example/1020.mp3", 3725)
					.season(12)
					.number(1020)
					.build()));
		Document list = this.pages.page("/episodes");
		assertThat(list.select("ol.episode-list .meta").text())
			.isEqualTo("1 March 2024 · 1:02:05 · Season 12 · Episode 1020");
		assertThat(list.select("ol.episode-list time").eachAttr("datetime")).containsExactly("2024-03-01", "PT1H2M5S");
		Document page = this.pages.page("/episodes/a-long-running-show");
		assertThat(page.text()).contains("Episode 1020").doesNotContain("1,020");
	}

	@Test
	void anEpisodeWithoutAudioIsATextPost() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("t1", "A text post", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<p>No audio this week.</p>")
					.build()));
		Document page = this.pages.page("/episodes/a-text-post");
		assertThat(page.select("audio")).isEmpty();
		assertThat(page.select("h1")).hasSize(1);
	}

	@Test
	void aTimeLinkOpensThePageWithThePlayerThereAndTimestampsInTheNotesAreTimeLinks() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("t1", "Timed", Instant.parse("2024-01-01T10:00:00Z"))
					.notes("<ul><li>00:00 Hello</li><li>1:02:05 Lifetimes</li></ul>")
					.audio("https://cdn.example/t1.mp3", 4000)
					.build()));
		Document page = this.pages.page("/episodes/timed?t=3725");
		assertThat(page.select("audio").attr("src")).isEqualTo("https://cdn.example/t1.mp3#t=3725");
		assertThat(page.select("audio").attr("data-start")).isEqualTo("3725");
		assertThat(page.select(".notes a.time").eachAttr("href")).containsExactly("/episodes/timed?t=0",
				"/episodes/timed?t=3725");
		assertThat(page.select("script[src*=/player-]").attr("src")).matches("/assets/js/player-[0-9a-f]{32}\\.js");
		assertThat(page.select("[data-player-controls]").hasAttr("hidden")).as("shown by the script only").isTrue();

		// One address per moment: as on a clock, past the end or no moment at all.
		this.mvc.perform(get("/episodes/timed?t=1:02:05"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/episodes/timed?t=3725"));
		this.mvc.perform(get("/episodes/timed?t=soon"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/episodes/timed"));
		assertThat(this.pages.page("/episodes/timed?t=5000").select("audio").attr("src"))
			.isEqualTo("https://cdn.example/t1.mp3");
	}

	@Test
	void theListNarrowsToASeasonOrAKindOfEpisode() throws Exception {
		Instant day = Instant.parse("2024-01-01T10:00:00Z");
		this.site.store(TestEpisodes.show("Show"), List.of(TestEpisodes.episode("a", "One", day).season(1).build(),
				TestEpisodes.episode("b", "Two", day.plusSeconds(60)).season(2).build(),
				TestEpisodes.episode("c", "Extra", day.plusSeconds(120)).season(2).type(EpisodeType.BONUS).build(),
				TestEpisodes.episode("d", "Teaser", day.plusSeconds(180)).type(EpisodeType.TRAILER).build()));
		Document all = this.pages.page("/episodes");
		assertThat(all.select(".filters a").eachText()).containsExactly("All", "Season 1", "Season 2", "Trailer",
				"Bonus");
		assertThat(all.select(".filters a[aria-current=page]").text()).isEqualTo("All");

		Document second = this.pages.page("/episodes?season=2");
		assertThat(second.select("h1").text()).isEqualTo("Season 2");
		assertThat(second.select("ol.episode-list h2").eachText()).containsExactly("Extra", "Two");
		assertThat(second.select(".filters a[aria-current=page]").text()).isEqualTo("Season 2");
		assertThat(this.pages.page("/episodes?type=bonus").select("ol.episode-list h2").eachText())
			.containsExactly("Extra");
		assertThat(this.pages.page("/episodes?type=full").select("ol.episode-list h2").eachText())
			.containsExactly("Two", "One");

		this.mvc.perform(get("/episodes?season=3")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?type=movie")).andExpect(status().isNotFound());
		this.mvc.perform(get("/episodes?type=BONUS"))
			.andExpect(status().isMovedPermanently())
			.andExpect(redirectedUrl("/episodes?type=bonus"));

		// The seasons are kept between pages, and follow the next import.
		this.site.store(TestEpisodes.show("Show"), List.of(TestEpisodes.episode("a", "One", day).season(1).build(),
				TestEpisodes.episode("b", "Two", day.plusSeconds(60)).season(2).build(),
				TestEpisodes.episode("c", "Extra", day.plusSeconds(120)).season(2).type(EpisodeType.BONUS).build(),
				TestEpisodes.episode("d", "Teaser", day.plusSeconds(180)).type(EpisodeType.TRAILER).build(),
				TestEpisodes.episode("e", "Three", day.plusSeconds(240)).season(3).build()));
		assertThat(this.pages.page("/episodes").select(".filters a").eachText()).containsExactly("All", "Season 1",
				"Season 2", "Season 3", "Trailer", "Bonus");
	}

	@Test
	void chaptersAndTheTranscriptAreOnThePageAsTextWithTimeLinks() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("t2", "Long talk", Instant.parse("2024-01-01T10:00:00Z"))
					.audio("https://cdn.example/t2.mp3", 7200)
					.build()));
		this.site.storeTimeline("long-talk", TestTimelines.chapters(12), TestTimelines.cues(2000, 3));
		Document page = this.pages.page("/episodes/long-talk");

		assertThat(page.select(".chapter-list > li")).hasSize(12);
		Element second = page.select(".chapter-list > li").get(1);
		assertThat(second.select("a.time").attr("href")).isEqualTo("/episodes/long-talk?t=600");
		assertThat(second.select("a.time").text()).isEqualTo("10:00");
		assertThat(second.select("a[rel~=nofollow]").text()).isEqualTo("Chapter 2: Vec<T> & friends");
		assertThat(second.attr("data-start")).isEqualTo("600.0");

		assertThat(page.select(".transcript details").hasAttr("open")).as("a long transcript starts folded").isFalse();
		assertThat(page.select(".turns > .turn")).hasSize(500);
		Element turn = page.select(".turns > .turn").get(1);
		assertThat(turn.select(".speaker").text()).isEqualTo("Speaker 2");
		assertThat(turn.select("a.time").attr("href")).isEqualTo("/episodes/long-talk?t=14");
		assertThat(turn.select("b")).as("cue text is text").isEmpty();
		assertThat(turn.text()).contains("<b>matters</b>");
	}

	@Test
	void aTwoHourTranscriptsPageIsKeptLikeAnyPage() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(TestEpisodes.episode("t3", "Kept talk", Instant.parse("2024-01-01T10:00:00Z"))
					.audio("https://cdn.example/t3.mp3", 7200)
					.build()));
		this.site.storeTimeline("kept-talk", TestTimelines.chapters(12), TestTimelines.cues(2000, 3));
		this.pages.page("/episodes/kept-talk");
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		String again = this.mvc.perform(get("/episodes/kept-talk"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(statistics.getPrepareStatementCount()).as("served from the kept pages").isZero();
		assertThat(again).contains("Sentence 2000 says");
	}

}
