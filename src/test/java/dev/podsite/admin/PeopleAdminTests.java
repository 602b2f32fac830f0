package dev.podsite.admin;

import java.nio.file.Path;
import java.util.List;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Pages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The host renames and merges people in the admin, and the next import of the same
 * credits lands on the person the host made, not on a new one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeopleAdminTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final String LATER = "Mon, 08 Jan 2024 10:00:00 +0000";

	private static final String LATEST = "Mon, 15 Jan 2024 10:00:00 +0000";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private ImporterHarness importer;

	private Pages pages;

	@BeforeEach
	void emptySite() {
		this.pages = new Pages(this.mvc);
		Database.clear(this.jdbc);
		this.importer = new ImporterHarness(this.context);
	}

	@Test
	void theHostMergesTwoPeopleAndTheNextImportLandsOnTheKeptOne() throws Exception {
		importFeed(item("1", "One", DATE, guest("Jon Gjengset", "https://thesquareplanet.com")),
				item("2", "Two", LATER, guest("jonhoo", "https://github.com/jonhoo")));
		long jon = personId("jon-gjengset");
		long jonhoo = personId("jonhoo");

		this.mvc.perform(host(post("/admin/people/" + jon + "/merge")).param("other", String.valueOf(jonhoo)))
			.andExpect(redirectedUrl("/admin/people/" + jon))
			.andExpect(flash().attribute("message", "Merged “jonhoo” into “Jon Gjengset”."));
		assertThat(people()).containsExactly("jon-gjengset Jon Gjengset");
		this.mvc.perform(get("/people/jonhoo"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/people/jon-gjengset"));

		// The feed changes: every item's credits are written again, and a third comes.
		importFeed(item("1", "One, edited", DATE, guest("Jon Gjengset", "https://thesquareplanet.com")),
				item("2", "Two, edited", LATER, guest("jonhoo", "https://github.com/jonhoo")),
				item("3", "Three", LATEST, guest("JONHOO", null)));
		assertThat(people()).containsExactly("jon-gjengset Jon Gjengset");
		Document page = this.pages.page("/people/jon-gjengset");
		assertThat(page.select("ol.episode-list h3 a").eachText()).containsExactly("Three", "Two, edited",
				"One, edited");
		Document admin = Jsoup.parse(hostPage("/admin/people/" + jon));
		assertThat(admin.select("ul.admin-list li").eachText()).containsExactly("name: jon gjengset", "name: jonhoo",
				"link: github.com/jonhoo", "link: thesquareplanet.com");
	}

	@Test
	void theHostRenamesAPersonAndTheNextImportOfEitherNameKeepsIt() throws Exception {
		importFeed(item("1", "One", DATE, guest("Jon Gjenset", null)));
		long jon = personId("jon-gjenset");
		this.mvc.perform(host(post("/admin/people/" + jon + "/rename")).param("name", " Jon Gjengset "))
			.andExpect(redirectedUrl("/admin/people/" + jon))
			.andExpect(flash().attribute("message",
					"Renamed to “Jon Gjengset”. Imports that credit the old name land on them too."));

		importFeed(item("1", "One, edited", DATE, guest("Jon Gjenset", null)),
				item("2", "Two", LATER, guest("Jon Gjengset", null)));
		assertThat(people()).containsExactly("jon-gjenset Jon Gjengset");
		assertThat(this.pages.page("/people/jon-gjenset").select("h1").text()).isEqualTo("Jon Gjengset");
		assertThat(this.pages.page("/people/jon-gjenset").select("ol.episode-list h3 a").eachText())
			.containsExactly("Two", "One, edited");
		assertThat(this.pages.page("/episodes/one").select("ul.persons li").text()).isEqualTo("Jon Gjengset (guest)");
	}

	@Test
	void aNameSomeoneElseHasOrNoNameIsRefused() throws Exception {
		importFeed(item("1", "One", DATE, guest("Ann", null) + guest("Bob", null)));
		long ann = personId("ann");
		long bob = personId("bob");
		this.mvc.perform(host(post("/admin/people/" + ann + "/rename")).param("name", "BÖB"))
			.andExpect(redirectedUrl("/admin/people/" + ann))
			.andExpect(flash().attribute("error",
					"“Bob” is someone else already. If they are the same person, merge them below."))
			.andExpect(flash().attribute("suggestedMerge", bob));
		this.mvc.perform(host(post("/admin/people/" + ann + "/rename")).param("name", "  "))
			.andExpect(flash().attribute("error", "A name has 1 to 200 characters; the name was not changed."));
		this.mvc.perform(host(post("/admin/people/" + ann + "/merge")).param("other", String.valueOf(ann)))
			.andExpect(flash().attribute("error", "Choose someone else to merge."));
		this.mvc.perform(host(post("/admin/people/999/merge")).param("other", String.valueOf(ann)))
			.andExpect(status().isNotFound());
		assertThat(people()).containsExactly("ann Ann", "bob Bob");
	}

	@Test
	void theListAndAPersonsPageShowWhoIsWhoAndWhatTheyAreMatchedOn() throws Exception {
		importFeed(item("1", "One", DATE, guest("Ann", "https://ann.example/") + guest("Bob", null)),
				item("2", "Two", LATER, guest("Ann", null)));
		Document list = Jsoup.parse(hostPage("/admin/people"));
		assertThat(list.select("tbody tr td:first-child a").eachText()).containsExactly("Ann", "Bob");
		assertThat(list.select("tbody tr td:nth-child(2)").eachText()).containsExactly("2", "1");
		Document ann = Jsoup.parse(hostPage("/admin/people/" + personId("ann")));
		assertThat(ann.select("h1").text()).isEqualTo("Ann");
		assertThat(ann.select("ul.admin-list li").eachText()).containsExactly("name: ann", "link: ann.example");
		assertThat(ann.select("select#other option").eachText()).containsExactly("Bob (1 episode)");
		assertThat(ann.select("input#name").attr("value")).isEqualTo("Ann");
	}

	@Test
	void onlyTheHostReachesThePeoplesAdmin() throws Exception {
		importFeed(item("1", "One", DATE, guest("Ann", null) + guest("Bob", null)));
		long ann = personId("ann");
		this.mvc.perform(get("/admin/people")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/people/" + ann + "/rename").param("name", "Eve").with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/people/" + ann + "/rename").param("name", "Eve").with(user("host").roles("HOST")))
			.andExpect(status().isForbidden());
		assertThat(people()).containsExactly("ann Ann", "bob Bob");
	}

	private void importFeed(String... items) {
		this.importer.importXml(this.dir.resolve("feed.xml"), rss("", items));
	}

	private static String guest(String name, String href) {
		return "<podcast:person role=\"guest\"" + ((href != null) ? " href=\"" + href + "\"" : "") + ">" + name
				+ "</podcast:person>";
	}

	private static MockHttpServletRequestBuilder host(MockHttpServletRequestBuilder request) {
		return request.with(user("host").roles("HOST")).with(csrf());
	}

	private String hostPage(String path) throws Exception {
		return this.mvc.perform(host(get(path)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Every person, as "slug name", by slug. */
	private List<String> people() {
		return this.jdbc.queryForList("SELECT slug || ' ' || name FROM person ORDER BY slug", String.class);
	}

	private long personId(String slug) {
		return this.jdbc.queryForObject("SELECT id FROM person WHERE slug = ?", Long.class, slug);
	}

}
