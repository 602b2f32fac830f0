package dev.podsite.feedimport;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpHandler;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed split over pages (RFC 5005, atom:link rel="next") is read to its last page,
 * within limits of pages and bytes; a loop or a repeated page stops it with a warning.
 * The pages are served over real HTTP.
 */
@SpringBootTest
class FeedPagesTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	private FeedHost host;

	private ImporterHarness harness;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.host = FeedHost.start();
		this.harness = new ImporterHarness(this.context);
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void aThreePageFeedIsImportedWholeAndAGuidSeenBeforeKeepsItsFirstItem() {
		this.host.serve("/feed.xml", page("page2.xml", item("ep-5", "Five", DATE, ""), item("ep-4", "Four", DATE, "")))
			.serve("/page2.xml",
					page("/page3.xml", item("ep-3", "Three", DATE, ""), item("ep-4", "Four again", DATE, "")))
			.serve("/page3.xml", page(null, item("ep-2", "Two", DATE, ""), item("ep-1", "One", DATE, "")));
		ImportRun run = importFrom(properties(100, DataSize.ofMegabytes(200)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarningNotices()).isEmpty();
		assertThat(run.getNewCount()).isEqualTo(5);
		assertThat(this.jdbc.queryForList("SELECT title FROM episode ORDER BY title", String.class))
			.containsExactly("Five", "Four", "One", "Three", "Two");
		assertThat(this.host.paths()).containsExactly("/feed.xml", "/page2.xml", "/page3.xml");
	}

	/** What the site keeps of an item as its feed wrote it is kept on every page. */
	@Test
	void theItemsOfLaterPagesKeepTheirOwnElements() {
		String soundbite = "<podcast:soundbite xmlns:podcast=\"https://podcastindex.org/namespace/1.0\""
				+ " startTime=\"12\" duration=\"30\">%s</podcast:soundbite>";
		this.host.serve("/feed.xml", page("/page2.xml", item("ep-3", "Three", DATE, soundbite.formatted("Third"))))
			.serve("/page2.xml",
					page("/page3.xml", item("ep-3", "Three again", DATE, soundbite.formatted("Again")),
							item("ep-2", "Two", DATE, soundbite.formatted("Second"))))
			.serve("/page3.xml", page(null, item("ep-1", "One", DATE, soundbite.formatted("First"))));
		assertThat(importFrom(properties(100, DataSize.ofMegabytes(200))).getStatus())
			.isEqualTo(ImportStatus.SUCCEEDED);
		for (String[] kept : new String[][] { { "Three", "Third" }, { "Two", "Second" }, { "One", "First" } }) {
			assertThat(this.jdbc.queryForObject("SELECT foreign_markup FROM episode WHERE title = ?", String.class,
					kept[0]))
				.as(kept[0])
				.contains("soundbite", ">" + kept[1] + "<")
				.doesNotContain("Again");
		}
	}

	@Test
	void aPageThatLinksBackStopsTheReadingWithAWarning() {
		this.host.serve("/feed.xml", page("/page2.xml", item("ep-2", "Two", DATE, "")))
			.serve("/page2.xml", page("/feed.xml", item("ep-1", "One", DATE, "")));
		ImportRun run = importFrom(properties(100, DataSize.ofMegabytes(200)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarningNotices()).extracting(HostNotice::code).containsExactly("import.pages.loop");
		assertThat(run.getWarningNotices().get(0).english()).contains("links back to " + this.host.url("/feed.xml"));
		assertThat(count()).isEqualTo(2);
		assertThat(this.host.paths()).containsExactly("/feed.xml", "/page2.xml");
	}

	@Test
	void aPageThatRepeatsAnEarlierOneStopsTheReadingWithAWarning() {
		HttpHandler same = page("/again.xml", item("ep-1", "One", DATE, ""));
		this.host.serve("/feed.xml", same).serve("/again.xml", same);
		ImportRun run = importFrom(properties(100, DataSize.ofMegabytes(200)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarningNotices()).extracting(HostNotice::code).containsExactly("import.pages.repeated");
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void morePagesThanTheLimitRefuseTheFeed() {
		threePages();
		ImportRun run = importFrom(properties(2, DataSize.ofMegabytes(200)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorNotice().code()).isEqualTo("import.pages.tooMany");
		assertThat(this.host.paths()).containsExactly("/feed.xml", "/page2.xml");
		assertThat(this.jdbc.queryForList("SELECT title FROM episode", String.class)).doesNotContain("One", "Two");
	}

	@Test
	void pagesHoldingMoreBytesThanTheLimitRefuseTheFeed() {
		threePages();
		ImportRun run = importFrom(properties(100, DataSize.ofBytes(1500)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorNotice().code()).isEqualTo("import.pages.tooLarge");
		assertThat(this.jdbc.queryForList("SELECT title FROM episode", String.class)).doesNotContain("One", "Two");
	}

	@Test
	void aNextPageOnAPrivateAddressIsRefused() {
		this.host.serve("/feed.xml", page("http://10.9.8.7/page2.xml", item("ep-1", "One", DATE, "")));
		ImportRun run = importFrom(properties(100, DataSize.ofMegabytes(200)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorNotice().english()).contains("10.9.8.7", "not a public one");
	}

	@Test
	void onlyTheFirstPageAsksWhetherTheFeedChanged() {
		byte[] first = pageXml("/page2.xml", item("ep-2", "Two", DATE, ""));
		this.host.serve("/feed.xml", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			exchange.sendResponseHeaders(200, first.length);
			exchange.getResponseBody().write(first);
		}).serve("/page2.xml", page(null, item("ep-1", "One", DATE, "")));
		FeedImportProperties properties = properties(100, DataSize.ofMegabytes(200));
		assertThat(importFrom(properties).getNewCount()).isEqualTo(2);
		assertThat(this.host.requests().get(1).header("If-None-Match")).isNull();
		ImportRun again = importFrom(properties);
		assertThat(again.getStatus()).isEqualTo(ImportStatus.UNCHANGED);
		assertThat(this.host.paths()).containsExactly("/feed.xml", "/page2.xml", "/feed.xml");
	}

	@Test
	void aPagedFeedReadFromAFileIsNotFollowedOntoTheWeb() {
		// Podlove Publisher's feed links its next page on the web, which tests never
		// reach.
		ImportRun run = this.harness.importFrom(Fixtures.feed("real/cre-chaosradio-express_podlove_german.xml"));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
	}

	private void threePages() {
		this.host.serve("/feed.xml", page("/page2.xml", item("ep-3", "Three", DATE, "")))
			.serve("/page2.xml", page("/page3.xml", item("ep-2", "Two", DATE, "")))
			.serve("/page3.xml", page(null, item("ep-1", "One", DATE, "")));
	}

	private FeedImportProperties properties(int maxPages, DataSize maxTotalBytes) {
		FeedImportProperties local = ImporterHarness.properties(this.host.url("/feed.xml"));
		return new FeedImportProperties(local.url(), local.refresh(), false, local.maxBytes(), true, local.maxItems(),
				local.maxElements(), local.maxNotesBytes(), local.importTimeout(), maxPages, maxTotalBytes);
	}

	private ImportRun importFrom(FeedImportProperties properties) {
		return this.harness.importFromPublicHost(properties);
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM episode WHERE title IN ('One', 'Two', 'Three')",
				Integer.class);
	}

	private static HttpHandler page(String next, String... items) {
		return FeedHost.body("application/rss+xml", pageXml(next, items));
	}

	/** A page of a paged feed: its items, and the link to the next page unless null. */
	private static byte[] pageXml(String next, String... items) {
		String link = (next != null)
				? "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=\"next\" href=\"" + next + "\"/>\n" : "";
		return rss(link, items).getBytes(StandardCharsets.UTF_8);
	}

}
