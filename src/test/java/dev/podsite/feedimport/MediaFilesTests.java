package dev.podsite.feedimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpHandler;
import dev.podsite.episode.Chapter;
import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.EpisodeTimelines;
import dev.podsite.episode.Timeline;
import dev.podsite.episode.TranscriptCue;
import dev.podsite.show.CurrentShow;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import dev.podsite.support.Hashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter and transcript files items point to, fetched by the real importer from a
 * local file host after the episodes are committed, and read by the episode page's
 * catalog: every format, every way a file host fails, politeness, and a slow host that
 * never holds the episodes back.
 */
@SpringBootTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MediaFilesTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	/**
	 * The whole fetch's time limit of one file in these tests (30 seconds in the site).
	 */
	private static final Duration TOTAL = Duration.ofSeconds(2);

	/** Every file asked for again at every import: to see the conditional GETs. */
	private static final MediaFilesProperties RECHECK_ALWAYS = new MediaFilesProperties(DataSize.ofMegabytes(5),
			Duration.ofMinutes(2), Duration.ZERO);

	private static final TranscriptCue WELCOME = new TranscriptCue(0.5, 4.2, "Matthias",
			"Welcome to Rust in Production.");

	private static final TranscriptCue THANKS = new TranscriptCue(8, 10.5, "Guest", "Thanks for having me.");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EpisodeCatalog catalog;

	private final FeedHost host = FeedHost.start();

	/** What the host answers at each path; 404 elsewhere. */
	private final Map<String, HttpHandler> answers = new ConcurrentHashMap<>();

	/** The body bytes the host sent for files (all but the feed). */
	private final AtomicLong fileBytesSent = new AtomicLong();

	private ImporterHarness harness;

	@BeforeEach
	void anEmptySiteAndAFileHost() {
		Database.clear(this.jdbc);
		this.harness = new ImporterHarness(this.context);
		this.host.serve("/",
				(exchange) -> this.answers.getOrDefault(exchange.getRequestURI().getPath(), FeedHost.status(404))
					.handle(exchange));
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void everyFormatReachesTheEpisodesPage() {
		serveFile("/files/chapters.json", "application/json+chapters", "chapters.json");
		serveFile("/files/transcript.json", "application/json", "transcript.json");
		serveFile("/files/transcript.vtt", "text/vtt", "transcript.vtt");
		serveFile("/files/transcript.srt", "application/x-subrip", "transcript.srt");
		serveFile("/files/transcript.html", "text/html; charset=utf-8", "transcript.html");
		serveFile("/files/transcript.txt", "text/plain; charset=utf-8", "transcript.txt");
		ImportRun run = importFeed(rss("<language>en</language>",
				item("json",
						chapters("/files/chapters.json") + transcript("/files/transcript.srt", "application/srt")
								+ transcript("/files/transcript.json", "application/json")
								+ transcript("/files/transcript.vtt", "text/vtt")),
				item("vtt", transcript("/files/transcript.vtt", "text/vtt")),
				item("srt", transcript("/files/transcript.srt", "application/x-subrip")),
				item("html", transcript("/files/transcript.html", "text/html")),
				item("text", transcript("/files/transcript.txt", "text/plain"))));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).isEmpty();

		Timeline json = timeline("json");
		assertThat(json.chapters()).containsExactly(
				new Chapter(0, null, "Welcome", null, this.host.url("/files/art/welcome.png").toString(), true),
				new Chapter(95.5, null, "Why Rust at scale", "https://www.rust-lang.org/", null, true),
				new Chapter(1260, null, "Sponsor", null, null, false),
				new Chapter(1290.25, 2400.0, "Ownership in a large codebase", null, null, true),
				new Chapter(2400, null, "Wrap-up", null, null, true));
		assertThat(json.cues()).as("JSON before WebVTT and SubRip")
			.containsExactly(WELCOME,
					new TranscriptCue(4.2, 7.8, "Matthias", "Today we talk about ownership at scale."), THANKS);
		assertThat(timeline("vtt").cues()).containsExactly(WELCOME,
				new TranscriptCue(4.2, 7.8, "Matthias", "Today we talk about ownership & scale."), THANKS);
		assertThat(timeline("srt").cues()).extracting(TranscriptCue::speaker)
			.containsExactly("MATTHIAS", "MATTHIAS", "GUEST", "MATTHIAS", "GUEST");
		assertThat(timeline("srt").cues().get(1))
			.isEqualTo(new TranscriptCue(4.2, 7.8, "MATTHIAS", "Today we talk about ownership at scale."));
		assertThat(timeline("html").cues()).containsExactly(
				new TranscriptCue(0, null, "Matthias",
						"Welcome to Rust in Production. Today we talk about ownership at scale."),
				new TranscriptCue(8, null, "Guest", "Thanks for having me."));
		assertThat(timeline("text").cues()).containsExactly(
				new TranscriptCue(0, null, "Matthias",
						"Welcome to Rust in Production. Today we talk about ownership at scale."),
				new TranscriptCue(0, null, "Guest", "Thanks for having me."),
				new TranscriptCue(0, null, "Matthias", "Let us start."));
		assertThat(requestedPaths()).as("one fetch per file, only the chosen transcripts")
			.containsExactlyInAnyOrder("/feed.xml", "/files/chapters.json", "/files/transcript.json",
					"/files/transcript.vtt", "/files/transcript.srt", "/files/transcript.html",
					"/files/transcript.txt");
	}

	@Test
	void markupInCuesIsKeptAsTextNeverAsHtml() {
		serveFile("/files/hostile.vtt", "text/vtt", "hostile.vtt");
		importFeed(rss("", item("a", transcript("/files/hostile.vtt", "text/vtt"))));
		assertThat(timeline("a").cues()).containsExactly(
				new TranscriptCue(1, 3.0, "Mallory", "alert(document.cookie)Hello there"),
				new TranscriptCue(3, 5.0, "Mallory", "<iframe src=\"https://evil.example\"> is only text here"));
		assertThat(this.jdbc.queryForList("SELECT text FROM episode_transcript_cue", String.class))
			.noneMatch((text) -> text.contains("<script") || text.contains("onerror") || text.contains("javascript:"));
	}

	@Test
	void theFilesChaptersComeBeforeTheItemsOwnOnceFetched() {
		String simpleChapters = """
				<psc:chapters xmlns:psc="http://podlove.org/simple-chapters" version="1.2">
				  <psc:chapter start="00:00:00" title="Inline intro"/>
				  <psc:chapter start="00:10:00.250" title="Inline topic"/>
				</psc:chapters>
				""";
		String feed = rss("", item("a", simpleChapters + chapters("/files/chapters.json")));
		ImportRun missing = importFeed(feed);
		assertThat(missing.getWarnings()).singleElement()
			.asString()
			.startsWith("The chapters of \"a\" were not updated. The chapters file at "
					+ this.host.url("/files/chapters.json") + " answered 404 (Not Found)");
		assertThat(timeline("a").chapters()).extracting(Chapter::title).containsExactly("Inline intro", "Inline topic");
		assertThat(timeline("a").chapters().get(1).start()).isEqualTo(600.25);

		serveFile("/files/chapters.json", "application/json", "chapters.json");
		ImportRun found = importFeed(feed);
		assertThat(found.getStatus()).as("the feed did not change").isEqualTo(ImportStatus.UNCHANGED);
		assertThat(found.getWarnings()).isEmpty();
		assertThat(timeline("a").chapters()).extracting(Chapter::title)
			.containsExactly("Welcome", "Why Rust at scale", "Sponsor", "Ownership in a large codebase", "Wrap-up");
	}

	@Test
	void whatAnItemNoLongerPointsToGoesButItsOwnChaptersStay() {
		serveFile("/files/chapters.json", "application/json", "chapters.json");
		serveFile("/files/transcript.vtt", "text/vtt", "transcript.vtt");
		String simpleChapters = """
				<psc:chapters xmlns:psc="http://podlove.org/simple-chapters" version="1.2">
				  <psc:chapter start="0" title="Inline"/>
				</psc:chapters>
				""";
		importFeed(rss("", item("a",
				simpleChapters + chapters("/files/chapters.json") + transcript("/files/transcript.vtt", "text/vtt"))));
		assertThat(timeline("a").chapters()).hasSize(5);
		assertThat(timeline("a").cues()).hasSize(3);

		ImportRun without = importFeed(rss("", item("a", simpleChapters)));
		assertThat(without.getUpdatedCount()).isEqualTo(1);
		assertThat(timeline("a"))
			.isEqualTo(new Timeline(List.of(new Chapter(0, null, "Inline", null, null, true)), List.of()));
		assertThat(count("media_file")).as("files no item points to are forgotten").isZero();
	}

	@Test
	void aSecondImportDownloadsNoUnchangedFile() {
		serveFile("/files/chapters.json", "application/json", "chapters.json");
		serveFile("/files/transcript.vtt", "text/vtt", "transcript.vtt");
		String feed = rss("",
				item("a", chapters("/files/chapters.json") + transcript("/files/transcript.vtt", "text/vtt")));
		importFeed(feed, RECHECK_ALWAYS);
		long firstBytes = this.fileBytesSent.get();
		assertThat(firstBytes).isPositive();
		long version = dataVersion();
		int requests = this.host.requests().size();

		ImportRun again = importFeed(feed, RECHECK_ALWAYS);
		assertThat(again.getWarnings()).isEmpty();
		assertThat(this.fileBytesSent.get()).as("bytes of files sent again").isEqualTo(firstBytes);
		assertThat(this.host.requests().subList(requests, this.host.requests().size()))
			.filteredOn((request) -> request.path().startsWith("/files/"))
			.hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("If-None-Match")).isNotNull());
		assertThat(dataVersion()).as("nothing changed, nothing announced").isEqualTo(version);

		int before = this.host.requests().size();
		importFeed(feed);
		assertThat(this.host.requests().subList(before, this.host.requests().size()))
			.as("within a day of its last check, a file that was read is not even asked for")
			.extracting(FeedHost.Request::path)
			.containsExactly("/feed.xml");
	}

	@Test
	void anIdenticalBodyFromAServerWithoutValidatorsWritesNothing() {
		byte[] vtt = fixture("transcript.vtt");
		this.answers.put("/files/transcript.vtt", FeedHost.body("text/vtt", vtt));
		String feed = rss("", item("a", transcript("/files/transcript.vtt", "text/vtt")));
		importFeed(feed, RECHECK_ALWAYS);
		long version = dataVersion();
		String storedAt = this.jdbc.queryForObject("SELECT stored_at::text FROM episode_timeline_source", String.class);

		ImportRun again = importFeed(feed, RECHECK_ALWAYS);
		assertThat(again.getWarnings()).isEmpty();
		assertThat(dataVersion()).isEqualTo(version);
		assertThat(this.jdbc.queryForObject("SELECT stored_at::text FROM episode_timeline_source", String.class))
			.isEqualTo(storedAt);
		assertThat(timeline("a").cues()).hasSize(3);
	}

	@Test
	void filesThatFailLeaveWhatTheEpisodesHadAndTheRunSaysWhichAndWhy() {
		serveFile("/files/gone.json", "application/json", "chapters.json");
		serveFile("/files/slow.vtt", "text/vtt", "transcript.vtt");
		serveFile("/files/huge.vtt", "text/vtt", "transcript.vtt");
		serveFile("/files/broken.json", "application/json", "chapters.json");
		serveFile("/files/moved.vtt", "text/vtt", "transcript.vtt");
		serveFile("/files/html.vtt", "text/vtt", "transcript.vtt");
		String feed = rss("", item("gone", chapters("/files/gone.json")),
				item("slow", transcript("/files/slow.vtt", "text/vtt")),
				item("huge", transcript("/files/huge.vtt", "text/vtt")), item("broken", chapters("/files/broken.json")),
				item("moved", transcript("/files/moved.vtt", "text/vtt")),
				item("html", transcript("/files/html.vtt", "text/vtt")));
		MediaFilesProperties small = new MediaFilesProperties(DataSize.ofKilobytes(64), Duration.ofMinutes(2),
				Duration.ZERO);
		ImportRun first = importFeed(feed, small, FeedHost.takenForPublic());
		assertThat(first.getWarnings()).isEmpty();
		Map<String, Timeline> before = Map.of("gone", timeline("gone"), "slow", timeline("slow"), "huge",
				timeline("huge"), "broken", timeline("broken"), "moved", timeline("moved"), "html", timeline("html"));
		assertThat(before.values()).allSatisfy((timeline) -> assertThat(timeline).isNotEqualTo(Timeline.EMPTY));
		long version = dataVersion();

		this.answers.put("/files/gone.json", FeedHost.status(404));
		this.answers.put("/files/slow.vtt", FeedHost.silentFor(Duration.ofSeconds(10), FeedHost.status(200)));
		this.answers.put("/files/huge.vtt",
				FeedHost.body("text/vtt",
						("WEBVTT\n\n" + "00:00:01.000 --> 00:00:02.000\n" + "x".repeat(1000) + "\n\n").repeat(100)
							.getBytes(StandardCharsets.UTF_8)));
		this.answers.put("/files/broken.json", FeedHost.body("application/json", "{\"chapters\": [".getBytes()));
		this.answers.put("/files/moved.vtt", FeedHost.redirect(302, "http://169.254.169.254/latest/meta-data/"));
		this.answers.put("/files/html.vtt", FeedHost.body("text/html",
				"<!DOCTYPE html><html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.UTF_8)));
		long started = System.nanoTime();
		ImportRun second = importFeed(feed, small, FeedHost.takenForPublic());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("four at a time, the slow one within its limit")
			.isLessThan(TOTAL.plusSeconds(3));

		assertThat(second.getStatus()).isEqualTo(ImportStatus.UNCHANGED);
		assertThat(second.getWarnings()).containsExactlyInAnyOrder(
				"The chapters of \"gone\" were not updated. The chapters file at " + url("/files/gone.json")
						+ " answered 404 (Not Found) instead of the chapters file.",
				"The transcript of \"slow\" was not updated. The transcript at " + url("/files/slow.vtt")
						+ " could not be fetched within 2 seconds; the server is too slow or does not finish its"
						+ " answer.",
				"The transcript of \"huge\" was not updated. The transcript at " + url("/files/huge.vtt")
						+ " is larger than 64 KB, the most the site accepts (podsite.media-files.max-bytes).",
				"The chapters of \"broken\" were not updated. The chapters file at " + url("/files/broken.json")
						+ " is not JSON (Unexpected end-of-input: expected close marker for Array, at line 1,"
						+ " column 15).",
				"The transcript of \"moved\" was not updated. The transcript at " + url("/files/moved.vtt")
						+ " redirects to http://169.254.169.254/latest/meta-data/, which was refused: its host"
						+ " 169.254.169.254 is a link-local address (169.254.169.254 is the cloud metadata service),"
						+ " not a public one. The site fetches feeds from public addresses only, so that a feed cannot"
						+ " lead it into its own machine or network (podsite.feed.allow-private-addresses=true allows"
						+ " them, for local testing).",
				"The transcript of \"html\" was not updated. The transcript at " + url("/files/html.vtt")
						+ " is an HTML page, not WebVTT.");
		before.forEach((guid, timeline) -> assertThat(timeline(guid)).as(guid).isEqualTo(timeline));
		assertThat(dataVersion()).isEqualTo(version);
		assertThat(this.jdbc.queryForObject("SELECT failure FROM media_file WHERE url = ?", String.class,
				url("/files/gone.json")))
			.endsWith("answered 404 (Not Found) instead of the chapters file.");
	}

	@Test
	void aMalformedFileIsNotDownloadedAgainWhileItHasNotChangedButStillSaysWhy() {
		this.answers.put("/files/broken.json", conditional("application/json", "{\"version\": \"1.2.0\"}".getBytes()));
		String feed = rss("", item("a", chapters("/files/broken.json")));
		String why = "The chapters of \"a\" were not updated. The chapters file at " + url("/files/broken.json")
				+ " has no \"chapters\" list.";
		assertThat(importFeed(feed).getWarnings()).containsExactly(why);
		long bytes = this.fileBytesSent.get();
		assertThat(importFeed(feed).getWarnings()).containsExactly(why);
		assertThat(this.fileBytesSent.get()).isEqualTo(bytes);
	}

	@Test
	void theEpisodesAreOnTheSiteWhileASlowFileServerStillThinks() throws Exception {
		CountDownLatch asked = new CountDownLatch(1);
		byte[] chapters = fixture("chapters.json");
		this.answers.put("/files/chapters.json", (exchange) -> {
			asked.countDown();
			sleep(Duration.ofSeconds(5));
			FeedHost.body("application/json", chapters).handle(exchange);
		});
		this.answers.put("/feed.xml", FeedHost.body("application/rss+xml",
				rss("", item("a", chapters("/files/chapters.json"))).getBytes(StandardCharsets.UTF_8)));
		FeedFetcher patient = new FeedFetcher(properties(), "https://podcast.example", Duration.ofSeconds(1),
				Duration.ofSeconds(10), FeedHost.thisMachineOnly());
		CompletableFuture<ImportRun> run = CompletableFuture.supplyAsync(
				() -> this.harness.importer(properties(), patient, MediaFilesProperties.defaults()).importNow());

		assertThat(asked.await(10, TimeUnit.SECONDS)).as("the file server was asked").isTrue();
		assertThat(this.catalog.find("a")).as("the episode, while the file server sleeps").isPresent();
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_run", String.class))
			.as("the run, recorded already")
			.isEqualTo("SUCCEEDED");
		assertThat(run).isNotDone();

		assertThat(run.get(20, TimeUnit.SECONDS).getWarnings()).isEmpty();
		assertThat(timeline("a").chapters()).hasSize(5);
	}

	@Test
	void aTwoHourTranscriptIsFetchedReadAndStoredInAMoment() {
		byte[] vtt = TimedCuesTests.twoHourWebVtt().getBytes(StandardCharsets.UTF_8);
		this.answers.put("/files/long.vtt", conditional("text/vtt", vtt));
		String feed = rss("", item("a", transcript("/files/long.vtt", "text/vtt")));
		importFeed(feed);
		// Once more with another body, warmed up: what an import of a changed file costs.
		byte[] changed = new String(vtt, StandardCharsets.UTF_8).replace("about Rust", "about Rust!")
			.getBytes(StandardCharsets.UTF_8);
		this.answers.put("/files/long.vtt", conditional("text/vtt", changed));
		MediaFileImport files = new MediaFileImport(
				new FeedFetcher(properties(), "https://podcast.example", Duration.ofSeconds(1), TOTAL,
						FeedHost.thisMachineOnly()),
				RECHECK_ALWAYS, this.context.getBean(EpisodeTimelines.class),
				this.context.getBean(MediaFileState.class), this.context.getBean(CurrentShow.class),
				this.context.getBean(TransactionTemplate.class), this.context.getBean(Clock.class));
		long started = System.nanoTime();
		MediaFileImport.Outcome outcome = files.run();
		long fetched = System.nanoTime();
		Timeline timeline = timeline("a");
		long read = System.nanoTime();
		System.out.printf(
				"A 2-hour WebVTT transcript (%,d bytes, 2,000 cues) fetched, read and stored in %d ms;"
						+ " the episode and its timeline read in %d ms%n",
				changed.length, (fetched - started) / 1_000_000, (read - fetched) / 1_000_000);
		assertThat(outcome.stored()).isEqualTo(1);
		assertThat(timeline.cues()).hasSize(2_000).last().satisfies((cue) -> {
			assertThat(cue.start()).isEqualTo(7196.4);
			assertThat(cue.text()).endsWith("about Rust!.");
		});
		assertThat(Duration.ofNanos(fetched - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void theFilesHaveATimeBudgetOfTheirOwnAndLeaveTheRestForTheNextImport() {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 8; i++) {
			this.answers.put("/files/" + i + ".vtt", FeedHost.silentFor(Duration.ofSeconds(30), FeedHost.status(200)));
			items.append(item("e" + i, transcript("/files/" + i + ".vtt", "text/vtt")));
		}
		MediaFilesProperties hurried = new MediaFilesProperties(DataSize.ofMegabytes(5), Duration.ofMillis(800),
				Duration.ofDays(1));
		long started = System.nanoTime();
		ImportRun run = importFeed(rss("", items.toString()), hurried);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getNewCount()).isEqualTo(8);
		assertThat(run.getWarnings()).containsExactly("8 chapter and transcript files were left for the next import:"
				+ " the files of one import may take 800 ms (podsite.media-files.time-budget).");
		assertThat(importFeed(rss("", items.toString()), hurried).getStatus()).as("the lock was let go")
			.isEqualTo(ImportStatus.UNCHANGED);
	}

	@Test
	void aRealFeedsChaptersAndTranscriptsReachItsPages() throws Exception {
		String real = Files.readString(Fixtures.feed("real/mike-neumann-show_sovereign-feeds.xml"));
		String feed = real.replace("https://mikeneumann.show/assets/static/", url("/files/mn/"));
		for (String name : names(feed, "-chapters.json")) {
			serveFile("/files/mn/" + name, "application/json+chapters", "chapters.json");
		}
		for (String name : names(feed, ".srt")) {
			serveFile("/files/mn/" + name, "application/x-subrip", "transcript.srt");
		}
		for (String name : names(feed, ".vtt")) {
			serveFile("/files/mn/" + name, "text/vtt", "transcript.vtt");
		}
		ImportRun run = importFeed(feed);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).noneMatch((warning) -> warning.contains("/files/"));

		String both = "themnshow050-20240622-DRAFT";
		String slug = this.jdbc.queryForObject("SELECT slug FROM episode WHERE chapters_url LIKE ?", String.class,
				"%" + both + "%");
		Timeline timeline = this.catalog.find(slug).orElseThrow().timeline();
		assertThat(timeline.chapters()).hasSize(5);
		assertThat(timeline.cues()).as("WebVTT rather than SubRip captions")
			.containsExactly(WELCOME, new TranscriptCue(4.2, 7.8, "Matthias", "Today we talk about ownership & scale."),
					THANKS);
		assertThat(requestedPaths()).doesNotContain("/files/mn/" + both + "-transcript.srt");
		assertThat(this.jdbc.queryForObject("SELECT count(DISTINCT episode_id) FROM episode_transcript_cue",
				Integer.class))
			.isEqualTo(this.jdbc.queryForObject(
					"SELECT count(DISTINCT episode_id) FROM episode_transcript WHERE url LIKE '%/files/mn/%'",
					Integer.class))
			.isPositive();
	}

	@Test
	void theSpecsExampleFeedGetsItsTranscriptInTheShowsLanguage() throws Exception {
		String real = Files.readString(Fixtures.feed("real/podcast-namespace-official-example.xml"));
		String feed = real.replace("https://example.com/", url("/files/ex/"));
		for (String name : names(feed, "_chapters.json")) {
			serveFile("/files/ex/" + name, "application/json", "chapters.json");
		}
		serveFile("/files/ex/episode1/transcript.vtt", "text/vtt", "transcript.vtt");
		for (String episode : List.of("ep1", "ep2", "ep3")) {
			serveFile("/files/ex/" + episode + "/transcript.txt", "text/plain", "transcript.txt");
		}
		ImportRun run = importFeed(feed);
		assertThat(run.getWarnings()).noneMatch((warning) -> warning.contains("/files/"));
		assertThat(requestedPaths()).as("the Spanish captions are not what an English show reads")
			.doesNotContain("/files/ex/episode1/transcript.vtt")
			.contains("/files/ex/ep3/transcript.txt");
		String slug = this.jdbc.queryForObject("SELECT slug FROM episode WHERE chapters_url LIKE '%ep3_chapters.json'",
				String.class);
		assertThat(this.catalog.find(slug).orElseThrow().timeline().cues()).extracting(TranscriptCue::speaker)
			.containsExactly("Matthias", "Guest", "Matthias");
	}

	// The feed and its files

	private String item(String guid, String extras) {
		return TestFeeds.item(guid, guid, DATE, extras);
	}

	private String chapters(String path) {
		return "<podcast:chapters url=\"" + url(path) + "\" type=\"application/json+chapters\"/>";
	}

	private String transcript(String path, String type) {
		return "<podcast:transcript url=\"" + url(path) + "\" type=\"" + type + "\"/>";
	}

	private String url(String path) {
		return this.host.url(path).toString();
	}

	private void serveFile(String path, String type, String fixture) {
		this.answers.put(path, conditional(type, fixture(fixture)));
	}

	/** 200 with ETag and Last-Modified, or 304 to a request that names them. */
	private HttpHandler conditional(String type, byte[] body) {
		String etag = "\"" + Hashes.etag(body) + "\"";
		String lastModified = "Mon, 01 Jan 2024 10:00:00 GMT";
		return (exchange) -> {
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().add("ETag", etag);
			exchange.getResponseHeaders().add("Last-Modified", lastModified);
			FeedHost.body(type, body).handle(exchange);
			this.fileBytesSent.addAndGet(body.length);
		};
	}

	private ImportRun importFeed(String xml) {
		return importFeed(xml, MediaFilesProperties.defaults());
	}

	private ImportRun importFeed(String xml, MediaFilesProperties files) {
		return importFeed(xml, files, FeedHost.thisMachineOnly());
	}

	private ImportRun importFeed(String xml, MediaFilesProperties files, PrivateAddressGuard guard) {
		this.answers.put("/feed.xml", FeedHost.body("application/rss+xml", xml.getBytes(StandardCharsets.UTF_8)));
		FeedFetcher fetcher = new FeedFetcher(properties(), "https://podcast.example", Duration.ofSeconds(1), TOTAL,
				guard);
		return this.harness.importer(properties(), fetcher, files).importNow();
	}

	private FeedImportProperties properties() {
		return ImporterHarness.properties(this.host.url("/feed.xml"));
	}

	private static byte[] fixture(String name) {
		try {
			return Files.readAllBytes(Path.of(MediaFilesTests.class.getResource("/media/" + name).toURI()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The names of the files the feed points to under /files/…/ that end so. */
	private static List<String> names(String feed, String ending) {
		return Pattern.compile("/files/[a-z]+/([^\"]+" + Pattern.quote(ending) + ")\"")
			.matcher(feed)
			.results()
			.map((match) -> match.group(1))
			.distinct()
			.toList();
	}

	// What the site holds

	private Timeline timeline(String guid) {
		String slug = this.jdbc.queryForObject("SELECT slug FROM episode WHERE identity = ?", String.class, guid);
		return this.catalog.find(slug).orElseThrow().timeline();
	}

	private List<String> requestedPaths() {
		return this.host.requests().stream().map(FeedHost.Request::path).toList();
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
