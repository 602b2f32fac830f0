package dev.podsite.episode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.show.ShowContent;
import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people's pages, the show's hosts on its page, and the people an episode's page
 * links to; published episodes only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeoplePagesTests {

	private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private SiteData site;

	private Pages pages;

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
		this.site = new SiteData(this.context);
	}

	@Test
	void thePeoplePageListsTheHostsFirstThenEveryoneElseWithTheirEpisodes() throws Exception {
		this.site.store(TestEpisodes.show("Show"),
				List.of(episode("3", 3, host("Ann Host"), guest("Zoë Guest")),
						episode("2", 2, host("Ann Host"), guest("bob guest")),
						episode("1", 1, host("Ann Host"), guest("Bob Guest"), guest("Alice Guest"))));
		Document page = this.pages.page("/people");
		assertThat(page.select("h1").text()).isEqualTo("People");
		assertThat(page.select("h2").eachText()).containsExactly("Host", "Guests and others");
		List<Element> lists = page.select("ul.people-list");
		assertThat(lists.get(0).select("li a").eachText()).containsExactly("Ann Host");
		assertThat(lists.get(0).select("li .meta").text()).isEqualTo("Host · 3 episodes");
		assertThat(lists.get(1).select("li a").eachText()).containsExactly("Alice Guest", "Bob Guest", "Zoë Guest");
		assertThat(lists.get(1).select("li a").eachAttr("href")).containsExactly("/people/alice-guest",
				"/people/bob-guest", "/people/zoe-guest");
		assertThat(lists.get(1).select("li .meta").eachText()).containsExactly("Guest · 1 episode",
				"Guest · 2 episodes", "Guest · 1 episode");
	}

	@Test
	void aPersonsPageShowsTheirPictureRolesLinkAndPublishedEpisodesNewestFirst() throws Exception {
		List<ImportedEpisode> episodes = new ArrayList<>();
		episodes.add(TestEpisodes.episode("future", "Coming soon", Instant.now().plus(Duration.ofDays(30)))
			.person(guest("Gus Guest"))
			.build());
		for (int n = 25; n >= 1; n--) {
			episodes.add(episode(String.valueOf(n), n, (n == 3)
					? new Person("Gus Guest", "cohost", null, "https://gus.example/me.jpg", "https://www.gus.example/")
					: guest("Gus Guest")));
		}
		this.site.store(TestEpisodes.show("Show"), episodes);
		Document first = this.pages.page("/people/gus-guest");
		assertThat(first.select("h1").text()).isEqualTo("Gus Guest");
		assertThat(first.select("title").text()).isEqualTo("Gus Guest · Show");
		assertThat(first.select("img.portrait").attr("src")).isEqualTo("https://gus.example/me.jpg");
		assertThat(first.select(".person-header .meta").text()).isEqualTo("Cohost, guest");
		assertThat(first.select(".person-header a").attr("href")).isEqualTo("https://www.gus.example/");
		assertThat(first.select(".person-header a").text()).isEqualTo("gus.example");
		assertThat(first.select("h2").text()).isEqualTo("Episodes with Gus Guest");
		assertThat(first.select("section.person > p.meta").text()).isEqualTo("25 episodes");
		assertThat(first.select("ol.episode-list h3 a")).hasSize(20);
		assertThat(first.select("ol.episode-list h3 a").first().text()).as("not the future one: newest first")
			.isEqualTo("Episode 25");
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/people/gus-guest?page=2");

		Document second = this.pages.page("/people/gus-guest?page=2");
		assertThat(second.select("ol.episode-list h3 a").eachText()).containsExactly("Episode 5", "Episode 4",
				"Episode 3", "Episode 2", "Episode 1");
		assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/people/gus-guest");
		this.mvc.perform(get("/people/gus-guest?page=3")).andExpect(status().isNotFound());
		this.mvc.perform(get("/people/gus-guest?page=0")).andExpect(status().isNotFound());
		this.mvc.perform(get("/people/gus-guest?page=x")).andExpect(status().isNotFound());
	}

	@Test
	void theShowPageNamesItsHostsAndAnEpisodesPageLinksToItsPeople() throws Exception {
		ShowContent show = TestEpisodes.show("Show");
		TransactionTemplate transactions = this.context.getBean(TransactionTemplate.class);
		this.site.store(show, List.of(episode("1", 1, host("Ann Host"), guest("Gus Guest"))));
		assertThat(this.pages.page("/").select("p.hosts").text()).isEqualTo("Hosted by Ann Host");

		transactions.executeWithoutResult((status) -> this.context.getBean(FeedEpisodes.class)
			.storeShowPeople(showId(), List.of(host("Bea Host"), host("Cy Host"), guest("Not A Host"))));
		Element hosts = this.pages.page("/").select("p.hosts").first();
		assertThat(hosts.text()).isEqualTo("Hosted by Bea Host and Cy Host");
		assertThat(hosts.select("a").eachAttr("href")).containsExactly("/people/bea-host", "/people/cy-host");
		Document bea = this.pages.page("/people/bea-host");
		assertThat(bea.select(".person-header .meta").text()).isEqualTo("Host");
		assertThat(bea.select("ol.episode-list")).isEmpty();
		assertThat(bea.select("section.person > p").text()).isEqualTo("No published episode credits Bea Host yet.");

		Document episode = this.pages.page("/episodes/episode-1");
		assertThat(episode.select("ul.persons li").eachText()).containsExactly("Ann Host (host)", "Gus Guest (guest)");
		assertThat(episode.select("ul.persons a").eachAttr("href")).containsExactly("/people/ann-host",
				"/people/gus-guest");
	}

	@Test
	void nobodyListenersCannotSeeHasAPageAndAMergedPersonsPageLeadsToTheKeptOne() throws Exception {
		this.site.store(TestEpisodes.show("Show"), List.of(episode("1", 1, guest("Gus Guest"), guest("Gus G."))));
		this.site.store(TestEpisodes.show("Show"), List.of(episode("2", 2, guest("Hidden Later"))));
		this.mvc.perform(get("/people/gus-guest")).andExpect(status().isNotFound());
		this.mvc.perform(get("/people/nobody")).andExpect(status().isNotFound());
		assertThat(this.pages.page("/people").select("ul.people-list li a").eachText()).containsExactly("Hidden Later");

		this.site.store(TestEpisodes.show("Show"), List.of(episode("1", 1, guest("Gus Guest"), guest("Gus G."))));
		PeopleEditor editor = this.context.getBean(PeopleEditor.class);
		editor.merge(personId("gus-guest"), personId("gus-g"));
		this.mvc.perform(get("/people/gus-g"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/people/gus-guest"));
		assertThat(this.pages.page("/episodes/episode-1").select("ul.persons li").eachText())
			.containsExactly("Gus Guest (guest)");
	}

	@Test
	void theDemoSnapshotsHostAndGuestsHaveTheirPages() throws Exception {
		new ImporterHarness(this.context).importFrom(this.dir.resolve("unreachable.xml"));
		assertThat(this.jdbc.queryForObject("SELECT demo FROM show", Boolean.class)).isTrue();

		Document people = this.pages.page("/people");
		List<Element> lists = people.select("ul.people-list");
		assertThat(lists.get(0).select("li a").eachText()).containsExactly("Matthias Endler");
		assertThat(lists.get(1).select("li a").eachText()).contains("Orhun Parmaksız", "Jon Gjengset", "Alice Ryhl")
			.doesNotHaveDuplicates();
		assertThat(this.pages.page("/").select("p.hosts a").attr("href")).isEqualTo("/people/matthias-endler");

		Document orhun = this.pages.page("/people/orhun-parmaksiz");
		assertThat(orhun.select("h1").text()).isEqualTo("Orhun Parmaksız");
		assertThat(orhun.select(".person-header .meta").text()).isEqualTo("Guest");
		assertThat(orhun.select("ol.episode-list h3 a").eachText()).contains("JetBrains with Orhun Parmaksız");
		String episode = orhun.select("ol.episode-list h3 a").first().attr("href");
		assertThat(this.pages.page(episode).select("ul.persons a").eachAttr("href")).contains("/people/orhun-parmaksiz",
				"/people/matthias-endler");
	}

	private long showId() {
		return this.jdbc.queryForObject("SELECT id FROM show", Long.class);
	}

	private long personId(String slug) {
		return this.jdbc.queryForObject("SELECT id FROM person WHERE slug = ?", Long.class, slug);
	}

	private static ImportedEpisode episode(String guid, int day, Person... persons) {
		TestEpisodes.Builder builder = TestEpisodes.episode(guid, "Episode " + guid, DAY.plus(Duration.ofDays(day)));
		for (Person person : persons) {
			builder.person(person);
		}
		return builder.build();
	}

	private static Person host(String name) {
		return new Person(name, "host", null, null, null);
	}

	private static Person guest(String name) {
		return new Person(name, "guest", null, null, null);
	}

}
