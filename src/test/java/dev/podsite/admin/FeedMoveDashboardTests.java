package dev.podsite.admin;

import java.sql.Timestamp;
import java.time.Instant;

import dev.podsite.feedimport.FeedImportProperties;
import dev.podsite.support.Database;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard says where the feed moved, when and why, in the host's language; a move
 * found for another configured address is not shown, as the configuration wins.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedMoveDashboardTests {

	private static final String OLD = "https://old.example/feed.xml";

	private static final String NEW = "https://new.example/feed.xml";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private FeedImportProperties feed;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
	}

	@Test
	void theDashboardShowsTheMoveWithItsDateInEnglishAndRomanian() throws Exception {
		recordMove(this.feed.url().toString());
		String english = moveNotice("en");
		assertThat(english).startsWith("The feed moved to " + NEW + " on 14 Mar 2026, ")
			.endsWith("(HTTP 301 Moved Permanently); it was at " + OLD + " before the move.");
		assertThat(moveNotice("ro")).startsWith("Fluxul s-a mutat la " + NEW + " pe 14 mar")
			.endsWith("(HTTP 301 Moved Permanently); înainte de mutare era la " + OLD + ".");
		assertThat(Jsoup.parse(dashboard("en")).selectFirst("main a[href=" + NEW + "]")).as("the address imported")
			.isNotNull();
	}

	@Test
	void aMoveOfAnotherConfiguredAddressIsNotShown() throws Exception {
		recordMove("https://formerly-configured.example/feed.xml");
		assertThat(Jsoup.parse(dashboard("en")).selectFirst(".feed-move")).isNull();
	}

	private void recordMove(String configured) {
		this.jdbc.update(
				"UPDATE feed_state SET moved_for = ?, moved_to = ?, moved_from = ?, moved_at = ?, move_reason = '301'",
				configured, NEW, OLD, Timestamp.from(Instant.parse("2026-03-14T12:00:00Z")));
	}

	private String moveNotice(String language) throws Exception {
		Element notice = Jsoup.parse(dashboard(language)).selectFirst("main .feed-move");
		assertThat(notice).isNotNull();
		return notice.text();
	}

	private String dashboard(String language) throws Exception {
		return this.mvc.perform(get("/admin").header("Accept-Language", language).with(user("host").roles("HOST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
