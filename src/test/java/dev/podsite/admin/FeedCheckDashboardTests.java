package dev.podsite.admin;

import java.nio.file.Path;
import java.util.List;

import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
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

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's feed check: what directories would flag in the source feed as last
 * imported and in the feed the site publishes, each with its episode, in English or
 * Romanian.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedCheckDashboardTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	@BeforeEach
	void clear() {
		Database.clear(this.jdbc);
	}

	@Test
	void beforeAnyImportTheSourceIsNotCheckedYet() throws Exception {
		this.context.publishEvent(new dev.podsite.show.ShowChanged());
		Document page = dashboard("en");
		assertThat(page.select("#check-source + p").text()).isEqualTo("Not checked yet: no import has read the feed.");
	}

	@Test
	void findingsOfTheSourceAndOfThePublishedFeedAreListedWithTheirEpisodes() throws Exception {
		importFlawedFeed();
		Document page = dashboard("en");

		assertThat(rows(page, "check-source")).containsExactly(
				"Warning | The whole feed | The artwork is not served over https: http://art.example/a.jpg | Apple Podcasts, Spotify",
				"Note | The whole feed | The artwork's size is not known yet: the site downloads http://art.example/a.jpg "
						+ "in the background and checks that it is square, from 1400 to 3000 pixels wide. | Apple Podcasts",
				"Error | The whole feed | The feed does not say whether the show is explicit (itunes:explicit). | Apple Podcasts",
				"Warning | Plain audio | The audio is not served over https: http://media.example/1.mp3 | Apple Podcasts, Spotify",
				"Warning | Plain audio | The audio's size in bytes (enclosure length) is missing. | Apple Podcasts, Podcast Index",
				"Error | Silent | The episode has no audio (no enclosure). | Apple Podcasts, Spotify, Podcast Index");
		// Ours always says explicit and leaves out items without audio; the rest it
		// keeps.
		assertThat(rows(page, "check-published")).containsExactly(
				"Warning | The whole feed | The artwork is not served over https: http://art.example/a.jpg | Apple Podcasts, Spotify",
				"Note | The whole feed | The artwork's size is not known yet: the site downloads http://art.example/a.jpg "
						+ "in the background and checks that it is square, from 1400 to 3000 pixels wide. | Apple Podcasts",
				"Warning | Plain audio | The audio is not served over https: http://media.example/1.mp3 | Apple Podcasts, Spotify",
				"Warning | Plain audio | The audio's size in bytes (enclosure length) is missing. | Apple Podcasts, Podcast Index");
	}

	@Test
	void theArtworkAsMeasuredInTheBackgroundReplacesTheUnknownSize() throws Exception {
		importFlawedFeed();
		this.jdbc.update("INSERT INTO artwork_measurement (url, etag, format, width, height, checked_at)"
				+ " VALUES ('http://art.example/a.jpg', '\"v1\"', 'jpeg', 1200, 1000, now())");

		Document page = dashboard("en");
		assertThat(rows(page, "check-source")).contains(
				"Error | The whole feed | The artwork is not square (1200 × 1000 pixels); Apple asks for a square. | Apple Podcasts",
				"Error | The whole feed | The artwork is only 1200 × 1000 pixels; Apple asks for at least 1400 × 1400. | Apple Podcasts")
			.noneMatch((row) -> row.contains("not known yet"));
		assertThat(rows(page, "check-published")).contains(
				"Error | The whole feed | The artwork is not square (1200 × 1000 pixels); Apple asks for a square. | Apple Podcasts");
		assertThat(rows(dashboard("ro"), "check-source")).contains(
				"Eroare | Întregul flux | Imaginea are doar 1200 × 1000 pixeli; Apple cere cel puțin 1400 × 1400. | Apple Podcasts");
	}

	@Test
	void theFindingsReadInRomanian() throws Exception {
		importFlawedFeed();
		Document page = dashboard("ro");
		assertThat(page.select("#feed-check").text()).isEqualTo("Verificarea fluxului");
		assertThat(rows(page, "check-source")).contains(
				"Eroare | Întregul flux | Fluxul nu spune dacă emisiunea are conținut explicit (itunes:explicit). | Apple Podcasts",
				"Eroare | Silent | Episodul nu are audio (niciun enclosure). | Apple Podcasts, Spotify, Podcast Index");
	}

	private void importFlawedFeed() {
		String xml = rss("<itunes:image href=\"http://art.example/a.jpg\"/>",
				item("one", "Plain audio", DATE, "<enclosure url=\"http://media.example/1.mp3\" type=\"audio/mpeg\"/>"),
				item("two", "Silent", DATE, ""));
		assertThat(new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), xml).getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
	}

	private static List<String> rows(Document page, String headingId) {
		Element table = page.selectFirst("[aria-labelledby=" + headingId + "] table");
		assertThat(table).as(headingId).isNotNull();
		return table.select("tbody tr").stream().map((row) -> String.join(" | ", row.select("td").eachText())).toList();
	}

	private Document dashboard(String language) throws Exception {
		return Jsoup
			.parse(this.mvc.perform(get("/admin").header("Accept-Language", language).with(user("host").roles("HOST")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
	}

}
