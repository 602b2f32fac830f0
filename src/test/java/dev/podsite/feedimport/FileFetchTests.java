package dev.podsite.feedimport;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The feed's fetcher fetching a file an item points to: the same guard and deadline, the
 * file's own limit, and words that name the file.
 */
class FileFetchTests {

	private static final FetchTarget TRANSCRIPT = new FetchTarget("transcript", "text/vtt", 1024,
			"podsite.media-files.max-bytes");

	private static final FeedImportProperties PUBLIC_ONLY = new FeedImportProperties(
			URI.create("https://feeds.example/show.xml"), Duration.ofMinutes(15), false, DataSize.ofMegabytes(1),
			false);

	private final FeedHost host = FeedHost.start();

	private final FeedFetcher fetcher = new FeedFetcher(PUBLIC_ONLY, "https://podcast.example", Duration.ofSeconds(1),
			Duration.ofSeconds(1), FeedHost.takenForPublic());

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void fetchesAFileConditionallyAndKeepsItsValidators() throws Exception {
		this.host.serve("/t.vtt", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			FeedHost.body("text/vtt", "WEBVTT\n".getBytes()).handle(exchange);
		});
		FetchedFeed first = this.fetcher.fetchWeb(this.host.url("/t.vtt"), TRANSCRIPT, null, ImportBudget.unlimited());
		assertThat(first.body()).asString().isEqualTo("WEBVTT\n");
		assertThat(first.etag()).isEqualTo("\"v1\"");
		FetchedFeed again = this.fetcher.fetchWeb(this.host.url("/t.vtt"), TRANSCRIPT,
				new FeedState.Validators(first.etag(), null, "hash"), ImportBudget.unlimited());
		assertThat(again.notModified()).isTrue();
		assertThat(this.host.requests()).extracting((request) -> request.header("Accept")).containsOnly("text/vtt");
	}

	@Test
	void namesTheFileInItsWords() {
		this.host.serve("/gone.vtt", FeedHost.status(404))
			.serve("/big.vtt", FeedHost.gzipped("text/vtt", new byte[2048]));
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> fetch(this.host.url("/gone.vtt")))
			.withMessage("The transcript at " + this.host.url("/gone.vtt")
					+ " answered 404 (Not Found) instead of the transcript.");
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> fetch(this.host.url("/big.vtt")))
			.withMessage("The transcript at " + this.host.url("/big.vtt")
					+ " is larger than 1 KB, the most the site accepts (podsite.media-files.max-bytes).");
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> fetch(URI.create("http://files.invalid/t.vtt")))
			.withMessage("The transcript's host files.invalid could not be found (DNS), so the transcript at"
					+ " http://files.invalid/t.vtt could not be fetched.");
	}

	@Test
	void fetchesFromWebAddressesOnlyAndChecksEveryRedirect() {
		this.host.serve("/t.vtt", FeedHost.redirect(302, "http://[::1]:" + this.host.url("/").getPort() + "/t.vtt"));
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> fetch(URI.create("file:///etc/passwd")))
			.withMessage("The transcript at file:///etc/passwd is not an http or https address.");
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> fetch(this.host.url("/t.vtt")))
			.withMessageStartingWith("The transcript at " + this.host.url("/t.vtt") + " redirects to http://[::1]:")
			.withMessageContaining("which was refused: its host ::1 is a loopback address");
	}

	@Test
	void theFilesBudgetSaysWhatWasLeftForLater() {
		this.host.serve("/slow.vtt", FeedHost.silentFor(Duration.ofSeconds(5), FeedHost.status(200)));
		ImportBudget budget = ImportBudget.forFiles(Duration.ofMillis(300));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetchWeb(this.host.url("/slow.vtt"), TRANSCRIPT, null, budget))
			.withMessage("The chapter and transcript files took longer than the 300 ms they may take"
					+ " (podsite.media-files.time-budget): this one was left for the next import.");
	}

	private FetchedFeed fetch(URI url) throws FeedImportException {
		return this.fetcher.fetchWeb(url, TRANSCRIPT, null, ImportBudget.unlimited());
	}

}
