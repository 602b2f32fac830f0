package dev.podsite.feedimport;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpHandler;
import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real importer against a feed host that attacks or misbehaves: each import is
 * recorded with its reason in words, and a site that imported its feed before keeps every
 * episode as it was.
 */
@SpringBootTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFeedsTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	/** The whole fetch's time limit in these tests (30 seconds in the site). */
	private static final Duration TOTAL = Duration.ofSeconds(1);

	private static final String ETAG = "\"v1\"";

	private static final String LAST_MODIFIED = "Mon, 01 Jan 2024 10:00:00 GMT";

	/** 32 KB of comments before the document: once enough to overflow a stack. */
	private static final String COMMENTS = "<!-- x -->".repeat(3_200);

	private static final byte[] GOOD_FEED = rss("", item("1", "One", DATE, ""), item("2", "Two", DATE, ""))
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@TempDir
	private Path dir;

	private final FeedHost host = FeedHost.start();

	private ImporterHarness harness;

	private List<String> episodesBefore;

	private List<String> showBefore;

	private long dataVersionBefore;

	@BeforeEach
	void aSiteThatImportedItsFeed() {
		Database.clear(this.jdbc);
		this.harness = new ImporterHarness(this.context);
		this.host.serve("/feed.xml", conditional(GOOD_FEED));
		ImportRun first = importFrom("/feed.xml");
		assertThat(first.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(first.getNewCount()).isEqualTo(2);
		this.episodesBefore = episodeRows();
		this.showBefore = showRows();
		this.dataVersionBefore = dataVersion();
	}

	@AfterEach
	void stopHost() {
		this.host.close();
		this.jdbc.execute("DROP TRIGGER IF EXISTS slow_episode ON episode");
	}

	@Test
	void anExternalEntityThatReadsALocalFileIsRefusedAndTheFileNeverReachesTheDatabase() throws Exception {
		String secret = "SECRET-" + UUID.randomUUID();
		Path file = Files.writeString(this.dir.resolve("secret.txt"), secret);
		serve("/xxe.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
				<rss version="2.0"><channel><title>&xxe;</title><link>https://show.example/</link>
				<description>&xxe;</description>
				<item><guid>1</guid><title>&xxe;</title><pubDate>%s</pubDate><description>&xxe;</description></item>
				</channel></rss>
				""".formatted(file.toUri(), DATE));

		ImportRun run = importFrom("/xxe.xml");
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url("/xxe.xml") + " was refused: it declares a"
				+ " DOCTYPE, which the site does not read (a DOCTYPE can make a parser read local files or expand"
				+ " entities without end). Nothing of the feed was imported.");
		assertThat(everythingInTheDatabase()).isNotEmpty().noneMatch((row) -> row.contains(secret));
	}

	@Test
	void anExternalDtdIsNeverFetched() {
		serve("/dtd.xml", """
				<?xml version="1.0"?>
				<!DOCTYPE rss SYSTEM "%s">
				<rss version="2.0"><channel><title>&evil;</title></channel></rss>
				""".formatted(this.host.url("/evil.dtd")));
		this.host.serve("/evil.dtd",
				FeedHost.body("application/xml-dtd", "<!ENTITY evil \"pwned\">".getBytes(StandardCharsets.UTF_8)));

		assertFailedAndNothingChanged(importFrom("/dtd.xml"), "was refused: it declares a DOCTYPE");
		assertThat(this.host.requests()).extracting(FeedHost.Request::path).doesNotContain("/evil.dtd");
	}

	@Test
	void nestedEntitiesAreRefusedBeforeTheyExpand() {
		// A billion laughs: 10^9 "lol"s, some 3 GB, from under 1 KB.
		StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			entities.append("<!ENTITY lol").append(i).append(" \"");
			entities.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
		}
		serve("/laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n" + entities
				+ "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>\n");

		long started = System.nanoTime();
		ImportRun run = importFrom("/laughs.xml");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertFailedAndNothingChanged(run, "was refused: it declares a DOCTYPE, which the site does not read");
	}

	@Test
	void aTruncatedFeedFailsWithWhereItBreaks() {
		String feed = new String(GOOD_FEED, StandardCharsets.UTF_8);
		serve("/truncated.xml", feed.substring(0, feed.indexOf("<item>") + 20));
		assertFailedAndNothingChanged(importFrom("/truncated.xml"),
				"The feed at " + this.host.url("/truncated.xml") + " is not valid XML at line ");
	}

	@Test
	void anHtmlPageIsNotTakenForTheFeed() {
		this.host.serve("/page", FeedHost.body("text/html; charset=utf-8",
				"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
					.getBytes(StandardCharsets.UTF_8)));
		assertFailedAndNothingChanged(importFrom("/page"), "The address " + this.host.url("/page")
				+ " answered with an HTML page, not a feed (perhaps an error or login page).");
	}

	@Test
	void anEmptyBodyIsNotAnEmptyFeed() {
		this.host.serve("/empty", FeedHost.body("application/rss+xml", new byte[0]));
		assertFailedAndNothingChanged(importFrom("/empty"), "The feed at " + this.host.url("/empty") + " is empty.");
	}

	@Test
	void aServerErrorIsReportedWithItsStatus() {
		this.host.serve("/error", FeedHost.status(500));
		ImportRun run = importFrom("/error");
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url("/error")
				+ " answered 500 (Internal Server Error) instead of the feed.");
		assertThat(run.getHttpStatus()).isEqualTo(500);
	}

	@Test
	void aFeedThatIsGoneIsReportedWithItsStatus() {
		this.host.serve("/gone", FeedHost.status(410));
		ImportRun run = importFrom("/gone");
		assertFailedAndNothingChanged(run,
				"The feed at " + this.host.url("/gone") + " answered 410 (Gone) instead of the feed.");
		assertThat(
				this.jdbc.queryForObject("SELECT http_status FROM import_run WHERE id = ?", Integer.class, run.getId()))
			.isEqualTo(410);
	}

	@Test
	void aServerThatTricklesItsBodyIsGivenUpAtTheDeadline() {
		this.host.serve("/slow", FeedHost.trickles(Duration.ofMillis(100)));
		assertGivenUpAtTheDeadline("/slow");
	}

	@Test
	void aServerThatNeverSendsItsHeadersIsGivenUpAtTheDeadline() {
		this.host.serve("/silent", FeedHost.silentFor(Duration.ofMinutes(1), FeedHost.status(200)));
		assertGivenUpAtTheDeadline("/silent");
	}

	@Test
	void aFeedLargerThanTheLimitIsRefusedWhileItStreams() {
		// 51 MB, never held whole by the host; the default limit is 50 MB.
		this.host.serve("/huge.xml", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
			byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < 51 * 16; i++) {
				out.write(spaces);
			}
		});
		ImportRun run = importFrom("/huge.xml", Duration.ofSeconds(30));
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url("/huge.xml")
				+ " is larger than 50 MB, the most the site accepts (podsite.feed.max-bytes).");
	}

	@Test
	void aGzipBombIsRefusedAtTheLimitOfItsDecodedSize() {
		byte[] bomb = FeedHost.gzip(new byte[60 * 1024 * 1024]);
		assertThat(bomb.length).as("60 MB of zeros, compressed").isLessThan(100 * 1024);
		this.host.serve("/bomb.xml", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, bomb.length);
			exchange.getResponseBody().write(bomb);
		});
		assertFailedAndNothingChanged(importFrom("/bomb.xml", Duration.ofSeconds(30)),
				"The feed at " + this.host.url("/bomb.xml") + " is larger than 50 MB");
	}

	@Test
	void aRedirectLoopIsFollowedFiveTimesAtMost() {
		this.host.serve("/loop", FeedHost.redirect(302, "/loop"));
		assertFailedAndNothingChanged(importFrom("/loop"),
				"The feed at " + this.host.url("/loop") + " redirects more than 5 times.");
		assertThat(this.host.requests()).filteredOn((request) -> request.path().equals("/loop")).hasSize(6);
	}

	@Test
	void aRedirectToAPrivateAddressIsRefused() {
		this.host.serve("/moved", FeedHost.redirect(301, "http://169.254.169.254/latest/meta-data/"));
		ImportRun run = this.harness
			.importer(publicOnly(this.host.url("/moved")), new FeedFetcher(publicOnly(this.host.url("/moved")),
					"https://podcast.example", Duration.ofSeconds(1), TOTAL, FeedHost.takenForPublic()))
			.importNow();
		assertFailedAndNothingChanged(run,
				"The feed at " + this.host.url("/moved") + " redirects to http://169.254.169.254/latest/meta-data/,"
						+ " which was refused: its host 169.254.169.254 is a link-local address (169.254.169.254 is the"
						+ " cloud metadata service), not a public one.");
	}

	@Test
	void aFeedOnAPrivateAddressIsRefusedByDefault() {
		URI url = this.host.url("/feed.xml");
		int requests = this.host.requests().size();
		FeedImportProperties properties = publicOnly(url);
		ImportRun run = this.harness
			.importer(properties, new FeedFetcher(properties, "https://podcast.example", Duration.ofSeconds(1), TOTAL))
			.importNow();
		assertFailedAndNothingChanged(run, "The feed at " + url + " was refused: its host 127.0.0.1 is a loopback"
				+ " address (this machine), not a public one.");
		assertThat(this.host.requests()).hasSize(requests);
	}

	@Test
	void aFeedNotModifiedSince304IsACheapNoOp() {
		ImportRun again = importFrom("/feed.xml");
		assertThat(again.getStatus()).isEqualTo(ImportStatus.UNCHANGED);
		assertThat(again.getNote())
			.isEqualTo("The feed has not changed since the last import (its server answered 304 Not Modified).");
		assertThat(again.getErrorMessage()).isNull();
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, again.getId()))
			.isEqualTo("UNCHANGED");

		List<FeedHost.Request> requests = this.host.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).header("If-None-Match")).isNull();
		assertThat(requests.get(0).header("If-Modified-Since")).isNull();
		assertThat(requests.get(1).header("If-None-Match")).isEqualTo(ETAG);
		assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
		assertThat(requests.get(1).header("User-Agent")).isEqualTo("Podsite/1.0 (+https://podcast.example)");

		assertThat(episodeRows()).isEqualTo(this.episodesBefore);
		assertThat(showRows()).isEqualTo(this.showBefore);
		assertThat(dataVersion()).isEqualTo(this.dataVersionBefore);
		assertThat(this.jdbc.queryForObject("SELECT etag FROM feed_state", String.class)).isEqualTo(ETAG);
	}

	@Test
	void twoMegabytesOfNestedNotesInOneItemImportInSeconds() {
		// Each span holds a paragraph, so each becomes a div: a repair per 21 bytes.
		String nested = "<span><p>x</p></span>";
		int repeats = 2 * 1024 * 1024 / nested.length();
		serve("/nested.xml", rss("", item("1", "One", DATE, ""), item("2", "Two", DATE,
				"<content:encoded><![CDATA[" + nested.repeat(repeats) + "]]></content:encoded>")));

		long started = System.nanoTime();
		ImportRun run = importFrom("/nested.xml",
				limits(this.host.url("/nested.xml"), 20_000, 1_000_000, DataSize.ofMegabytes(4), Duration.ofMinutes(5)),
				TOTAL);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).isEmpty();
		assertThat(notesOf("2")).isEqualTo("<div><p>x</p></div>".repeat(repeats));
	}

	@Test
	void aFeedAfterThousandsOfCommentsIsStillAFeed() {
		serve("/commented.xml",
				COMMENTS + rss("", item("1", "One", DATE, ""), item("2", "Two", DATE, ""), item("3", "Three", DATE, ""))
					.replaceFirst("^<\\?xml[^>]*>\\s*", ""));
		ImportRun run = importFrom("/commented.xml");
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getNewCount()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run WHERE id = ?", String.class, run.getId()))
			.isEqualTo("SUCCEEDED");
	}

	@Test
	void anHtmlPageAfterThousandsOfCommentsIsStillAnHtmlPage() {
		this.host.serve("/commented-page",
				FeedHost.body("text/html; charset=utf-8",
						(COMMENTS + "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>")
							.getBytes(StandardCharsets.UTF_8)));
		assertFailedAndNothingChanged(importFrom("/commented-page"), "The address " + this.host.url("/commented-page")
				+ " answered with an HTML page, not a feed (perhaps an error or login page).");
	}

	@Test
	void anHtmlPageAfterThousandsOfCommentsOnAnEmptySiteFailsAndTheDemoComes() {
		Database.clear(this.jdbc);
		this.host.serve("/commented-page", FeedHost.body("text/html; charset=utf-8",
				(COMMENTS + "<html><body>Sign in</body></html>").getBytes(StandardCharsets.UTF_8)));
		ImportRun run = importFrom("/commented-page");
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorMessage()).contains("answered with an HTML page");
		assertThat(this.jdbc.queryForList("SELECT demo || ' ' || status FROM import_run ORDER BY id", String.class))
			.containsExactly("false FAILED", "true SUCCEEDED");
		assertThat(this.jdbc.queryForObject("SELECT demo FROM show", Boolean.class)).isTrue();
	}

	@Test
	void aFeedWithMoreItemsThanTheLimitIsRefusedBeforeItIsRead() {
		serve("/many.xml",
				rss("", IntStream.rangeClosed(1, 60)
					.mapToObj((n) -> item("many-" + n, "Episode " + n, DATE, ""))
					.toArray(String[]::new)));
		ImportRun run = importFrom("/many.xml",
				limits(this.host.url("/many.xml"), 50, 1_000_000, DataSize.ofMegabytes(1), Duration.ofMinutes(5)),
				TOTAL);
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url("/many.xml") + " lists 60 items, more"
				+ " than the 50 the site imports (podsite.feed.max-items). Nothing of the feed was imported.");
	}

	@Test
	void aFeedWithMoreElementsThanTheLimitIsRefusedBeforeItIsRead() {
		serve("/elements.xml", rss("", item("1", "One", DATE, "<podcast:x/>".repeat(1_000))));
		ImportRun run = importFrom("/elements.xml",
				limits(this.host.url("/elements.xml"), 50, 1_000, DataSize.ofMegabytes(1), Duration.ofMinutes(5)),
				TOTAL);
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url("/elements.xml") + " holds 1,009 XML"
				+ " elements, more than the 1,000 the site reads (podsite.feed.max-elements).");
	}

	@Test
	void notesLongerThanTheLimitAreCutWithAWarning() {
		String notes = IntStream.rangeClosed(1, 100)
			.mapToObj((n) -> "<p>Paragraph " + n + " of the notes.</p>")
			.collect(Collectors.joining());
		serve("/long-notes.xml", rss("", item("1", "One", DATE, ""),
				item("2", "Two", DATE, "<content:encoded><![CDATA[" + notes + "]]></content:encoded>")));
		ImportRun run = importFrom("/long-notes.xml", limits(this.host.url("/long-notes.xml"), 20_000, 1_000_000,
				DataSize.ofKilobytes(1), Duration.ofMinutes(5)), TOTAL);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).containsExactly("Cut the notes of \"Two\", 3.2 KB long, to the first 1 KB,"
				+ " the most the site keeps (podsite.feed.max-notes-bytes).");
		assertThat(notesOf("2")).startsWith("<p>Paragraph 1 of the notes.</p>")
			.contains("<p>Paragraph 30 of the notes.</p>")
			.doesNotContain("Paragraph 40")
			.endsWith("</p><p>(These notes are cut short here: they are longer than this site keeps.)</p>");
	}

	@Test
	void notesThatMakeTooManyElementsAreCutWithAWarning() {
		// Each paragraph opens the twenty formatting elements again: 14 elements in 8
		// bytes, 300,000 from 200 KB.
		String notes = "<p>" + "<b><i><u><s><em><strong><code><small><sub><sup>".repeat(2) + "x</p>"
				+ "<p>x</p>".repeat(25_000);
		serve("/formatted.xml", rss("", item("1", "One", DATE, ""),
				item("2", "Two", DATE, "<content:encoded><![CDATA[" + notes + "]]></content:encoded>")));
		ImportRun run = importFrom("/formatted.xml");
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).containsExactly("Cut the notes of \"Two\" after 250,000 HTML elements, the most"
				+ " the site keeps of one text (formatting opened again in every paragraph makes many).");
		assertThat(notesOf("2"))
			.endsWith("<p>(These notes are cut short here: they are longer than this site" + " keeps.)</p>");
	}

	@Test
	void anImportPastItsTimeBudgetIsStoppedAndTheNextOneWorks() {
		// The fetch may take 30 seconds, the whole import half a second, and the body
		// takes 3.
		this.host.serve("/slow.xml", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (byte b : GOOD_FEED) {
				out.write(b);
				out.flush();
				sleepMillis(3_000 / GOOD_FEED.length);
			}
		});
		long started = System.nanoTime();
		ImportRun run = importFrom("/slow.xml",
				limits(this.host.url("/slow.xml"), 20_000, 1_000_000, DataSize.ofMegabytes(1), Duration.ofMillis(500)),
				Duration.ofSeconds(30));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertFailedAndNothingChanged(run, "The import took longer than the 500 ms it may take"
				+ " (podsite.feed.import-timeout) and was stopped; nothing was changed.");

		serve("/next.xml",
				rss("", item("1", "One", DATE, ""), item("2", "Two", DATE, ""), item("3", "Three", DATE, "")));
		ImportRun next = importFrom("/next.xml");
		assertThat(next.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(next.getNewCount()).isEqualTo(1);
	}

	@Test
	void aWriteThatRunsPastTheTimeBudgetRollsBackWhole() {
		// Storing each new episode takes a third of a second: ten take longer than the
		// import may.
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION slow_episode() RETURNS trigger AS $$
				BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$ LANGUAGE plpgsql""");
		this.jdbc.execute(
				"CREATE TRIGGER slow_episode AFTER INSERT ON episode FOR EACH ROW EXECUTE FUNCTION slow_episode()");
		serve("/twelve.xml",
				rss("", IntStream.rangeClosed(1, 12)
					.mapToObj((n) -> item(String.valueOf(n), "Episode " + n, DATE, ""))
					.toArray(String[]::new)));

		long started = System.nanoTime();
		ImportRun run = importFrom("/twelve.xml", limits(this.host.url("/twelve.xml"), 20_000, 1_000_000,
				DataSize.ofMegabytes(1), Duration.ofMillis(1_500)), TOTAL);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the statement was cancelled")
			.isLessThan(Duration.ofMillis(2_900));
		assertFailedAndNothingChanged(run, "The import took longer than the 1500 ms it may take"
				+ " (podsite.feed.import-timeout) and was stopped; nothing was changed.");
	}

	private void assertGivenUpAtTheDeadline(String path) {
		long started = System.nanoTime();
		ImportRun run = importFrom(path);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TOTAL.plusSeconds(3));
		assertFailedAndNothingChanged(run, "The feed at " + this.host.url(path) + " could not be fetched within 1"
				+ " second; the server is too slow or does not finish its answer.");
	}

	/**
	 * The run failed with {@code reason} (the whole message, or the start of it), says so
	 * in the database too, and the site is as it was.
	 */
	private void assertFailedAndNothingChanged(ImportRun run, String reason) {
		assertThat(run.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(run.getErrorMessage()).contains(reason);
		assertThat(run.getFinishedAt()).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT status || ': ' || (error_notice ->> 'code') FROM import_run" + " WHERE id = ?", String.class,
				run.getId()))
			.isEqualTo("FAILED: " + Objects.requireNonNull(run.getErrorNotice()).code());
		assertThat(episodeRows()).isEqualTo(this.episodesBefore);
		assertThat(showRows()).isEqualTo(this.showBefore);
		assertThat(dataVersion()).isEqualTo(this.dataVersionBefore);
	}

	/** Imports the feed at {@code path} of the host, with a short time limit. */
	private ImportRun importFrom(String path) {
		return importFrom(path, TOTAL);
	}

	private ImportRun importFrom(String path, Duration total) {
		return importFrom(path, ImporterHarness.properties(this.host.url(path)), total);
	}

	private ImportRun importFrom(String path, FeedImportProperties properties, Duration total) {
		return this.harness
			.importer(properties, new FeedFetcher(properties, "https://podcast.example", Duration.ofSeconds(1), total))
			.importNow();
	}

	/** The test's properties with other limits of items, elements, notes and time. */
	private static FeedImportProperties limits(URI url, int maxItems, int maxElements, DataSize maxNotesBytes,
			Duration importTimeout) {
		FeedImportProperties local = ImporterHarness.properties(url);
		return new FeedImportProperties(url, local.refresh(), false, local.maxBytes(), true, maxItems, maxElements,
				maxNotesBytes, importTimeout);
	}

	/** The stored notes of the episode with {@code guid}. */
	private String notesOf(String guid) {
		return this.jdbc.queryForObject("SELECT notes_html FROM episode WHERE guid = ?", String.class, guid);
	}

	private static void sleepMillis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The site's default properties, which refuse private addresses. */
	private static FeedImportProperties publicOnly(URI url) {
		FeedImportProperties local = ImporterHarness.properties(url);
		return new FeedImportProperties(url, local.refresh(), false, local.maxBytes(), false);
	}

	private void serve(String path, String xml) {
		this.host.serve(path, FeedHost.body("application/rss+xml", xml.getBytes(StandardCharsets.UTF_8)));
	}

	/** The feed with validators; 304 to a request that names them. */
	private static HttpHandler conditional(byte[] feed) {
		return (exchange) -> {
			exchange.getResponseHeaders().add("ETag", ETAG);
			exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
			if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			FeedHost.body("application/rss+xml; charset=utf-8", feed).handle(exchange);
		};
	}

	/** Every column of every episode, as text. */
	private List<String> episodeRows() {
		return this.jdbc.queryForList("SELECT to_jsonb(e)::text FROM episode e ORDER BY id", String.class);
	}

	private List<String> showRows() {
		return this.jdbc.queryForList("SELECT to_jsonb(s)::text FROM show s ORDER BY id", String.class);
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
	}

	/** Every row of every table the site has, as text. */
	private List<String> everythingInTheDatabase() {
		List<String> tables = this.jdbc.queryForList("SELECT quote_ident(table_name) FROM information_schema.tables"
				+ " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'", String.class);
		return tables.stream()
			.flatMap((table) -> this.jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t", String.class)
				.stream())
			.toList();
	}

}
