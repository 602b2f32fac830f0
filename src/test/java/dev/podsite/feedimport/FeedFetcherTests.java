package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fetching from a local host that misbehaves the ways real feed hosts do.
 */
class FeedFetcherTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final String TITLE = "Notícias – São Paulo";

	/** A feed whose XML declaration names no encoding, as several real feeds do. */
	private static final String UNDECLARED = rss("", item("a", TITLE, DATE, "")).replace(" encoding=\"UTF-8\"", "");

	private static final Duration TOTAL = Duration.ofSeconds(1);

	private final FeedHost host = FeedHost.start();

	private static final FeedImportProperties LOCAL_ALLOWED = new FeedImportProperties(
			URI.create("https://feeds.example/show.xml"), Duration.ofMinutes(15), false, DataSize.ofMegabytes(1), true);

	private static final FeedImportProperties PUBLIC_ONLY = new FeedImportProperties(
			URI.create("https://feeds.example/show.xml"), Duration.ofMinutes(15), false, DataSize.ofMegabytes(1),
			false);

	private final FeedFetcher fetcher = new FeedFetcher(LOCAL_ALLOWED, "https://podcast.example", Duration.ofSeconds(1),
			TOTAL);

	/** As configured by default: private addresses refused. */
	private final FeedFetcher publicOnly = new FeedFetcher(PUBLIC_ONLY, "https://podcast.example",
			Duration.ofSeconds(1), TOTAL);

	/**
	 * Refuses private addresses, but takes the test host on 127.0.0.1 for a public one.
	 */
	private final FeedFetcher testHostIsPublic = new FeedFetcher(PUBLIC_ONLY, "https://podcast.example",
			Duration.ofSeconds(1), TOTAL, FeedHost.takenForPublic());

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void aUtf8FeedServedAsTextXmlWithoutCharsetKeepsItsAccents() throws Exception {
		this.host.serve("/feed", FeedHost.body("text/xml", UNDECLARED.getBytes(StandardCharsets.UTF_8)));
		assertThat(firstTitle(this.host.url("/feed"))).isEqualTo(TITLE);
	}

	@Test
	void aLatin1FeedIsReadInTheCharsetItsHeaderNames() throws Exception {
		String latin1 = rss("", item("a", "Notícias de São Paulo", DATE, "")).replace(" encoding=\"UTF-8\"", "");
		this.host.serve("/feed",
				FeedHost.body("text/xml; charset=ISO-8859-1", latin1.getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(firstTitle(this.host.url("/feed"))).isEqualTo("Notícias de São Paulo");
	}

	@Test
	void readsAGzippedFeedAndKeepsTheFinalAddressAfterARedirect() throws Exception {
		this.host.serve("/old", FeedHost.redirect(301, "/new"))
			.serve("/new", FeedHost.gzipped("application/rss+xml; charset=utf-8",
					UNDECLARED.getBytes(StandardCharsets.UTF_8)));
		FetchedFeed fetched = this.fetcher.fetch(this.host.url("/old"));
		assertThat(fetched.url()).isEqualTo(this.host.url("/new"));
		assertThat(firstTitle(fetched)).isEqualTo(TITLE);
	}

	@Test
	void refusesARedirectToAFileUrl() {
		this.host.serve("/feed", FeedHost.redirect(302, "file:///etc/passwd"));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessage("The feed at " + this.host.url("/feed") + " redirects to file:///etc/passwd, which is not an"
					+ " http or https address; the site follows redirects to web addresses only.");
	}

	@Test
	void refusesARedirectToAnotherScheme() {
		this.host.serve("/feed", FeedHost.redirect(307, "ftp://feeds.example/show.xml"));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessageContaining("redirects to ftp://feeds.example/show.xml, which is not an http or https address");
	}

	@Test
	void stopsFollowingARedirectLoop() {
		this.host.serve("/loop", FeedHost.redirect(302, "/loop"));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/loop")))
			.withMessageContaining("redirects more than 5 times");
	}

	@Test
	void saysWhichStatusTheServerAnswered() {
		this.host.serve("/feed", FeedHost.status(500));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessageContaining("answered 500 (Internal Server Error) instead of the feed");
	}

	@Test
	void refusesABodyLargerThanTheLimit() {
		this.host.serve("/feed", FeedHost.body("application/rss+xml", new byte[2 * 1024 * 1024]));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessageContaining("is larger than 1 MB");
	}

	@Test
	void countsTheLimitAfterDecompressing() {
		// 3 MB of zeros compress to a few KB.
		this.host.serve("/feed", FeedHost.gzipped("application/rss+xml", new byte[3 * 1024 * 1024]));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessageContaining("is larger than 1 MB");
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aServerThatStallsAfterTheHeadersIsGivenUpAtTheDeadline() {
		this.host.serve("/feed", FeedHost.stallsAfter("<rss version=\"2.0\">".getBytes()));
		assertGivenUpAtTheDeadline("/feed");
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aServerThatTricklesTheBodyIsGivenUpAtTheDeadline() {
		this.host.serve("/feed", FeedHost.trickles(Duration.ofMillis(100)));
		assertGivenUpAtTheDeadline("/feed");
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aGzippedBodyThatStallsIsGivenUpAtTheDeadline() {
		this.host.serve("/feed", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			FeedHost.stallsAfter(new byte[] { 0x1f }).handle(exchange);
		});
		assertGivenUpAtTheDeadline("/feed");
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void aServerThatSendsNoHeadersIsGivenUpAtTheDeadline() {
		this.host.serve("/feed", FeedHost.silentFor(Duration.ofMinutes(1), FeedHost.status(200)));
		assertGivenUpAtTheDeadline("/feed");
	}

	@Test
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void theDeadlineCoversRedirectsAndBodyTogether() {
		this.host.serve("/first", FeedHost.silentFor(Duration.ofMillis(600), FeedHost.redirect(302, "/second")))
			.serve("/second", FeedHost.silentFor(Duration.ofMillis(600),
					FeedHost.body("application/rss+xml", UNDECLARED.getBytes(StandardCharsets.UTF_8))));
		assertGivenUpAtTheDeadline("/first");
	}

	@Test
	void anUnknownHostIsReportedAsADnsFailure() {
		URI unknown = URI.create("http://feeds.invalid/show.xml");
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> this.fetcher.fetch(unknown))
			.withMessage("The feed's host feeds.invalid could not be found (DNS), so the feed at " + unknown
					+ " could not be fetched.");
	}

	@Test
	void refusesAFeedOnAPrivateAddressWithoutSendingItARequest() {
		this.host.serve("/feed", FeedHost.body("application/rss+xml", UNDECLARED.getBytes(StandardCharsets.UTF_8)));
		URI url = this.host.url("/feed");
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> this.publicOnly.fetch(url))
			.withMessageStartingWith("The feed at " + url + " was refused: its host 127.0.0.1 is a loopback address"
					+ " (this machine), not a public one.")
			.withMessageContaining("podsite.feed.allow-private-addresses=true");
		assertThat(this.host.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[::ffff:127.0.0.1]:%d/feed", "http://[::1]:%d/feed", "http://0.0.0.0:%d/feed",
			"http://localhost:%d/feed", "http://169.254.169.254/latest/meta-data/", "https://[::ffff:7f00:1]/feed" })
	void refusesOtherSpellingsOfThisMachineAndTheMetadataService(String address) {
		this.host.serve("/feed", FeedHost.body("application/rss+xml", UNDECLARED.getBytes(StandardCharsets.UTF_8)));
		URI url = URI.create(address.formatted(this.host.url("/").getPort()));
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> this.publicOnly.fetch(url))
			.withMessageStartingWith("The feed at " + url + " was refused: its host ")
			.withMessageContaining("not a public one");
		assertThat(this.host.requests()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "http://169.254.169.254/latest/meta-data/", "http://[::1]:%d/feed", "http://127.0.0.2:%d/feed",
					"http://10.0.0.1/feed", "http://[::ffff:192.168.0.1]/feed", "http://[fd00::1]/feed" })
	void refusesARedirectFromAPublicHostToAPrivateAddress(String target) {
		String location = target.formatted(this.host.url("/").getPort());
		this.host.serve("/feed", FeedHost.redirect(302, location));
		URI url = this.host.url("/feed");
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> this.testHostIsPublic.fetch(url))
			.withMessageStartingWith(
					"The feed at " + url + " redirects to " + location + ", which was refused: its" + " host ")
			.withMessageContaining("not a public one");
		assertThat(this.host.requests()).extracting(FeedHost.Request::path).containsExactly("/feed");
	}

	@Test
	void checksEveryRedirectNotOnlyTheFirst() {
		this.host.serve("/one", FeedHost.redirect(301, "/two"))
			.serve("/two", FeedHost.redirect(302, "http://[::ffff:169.254.169.254]/latest/meta-data/"));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.testHostIsPublic.fetch(this.host.url("/one")))
			.withMessageStartingWith("The feed at " + this.host.url("/two")
					+ " redirects to http://[::ffff:169.254.169.254]/latest/meta-data/, which was refused: its host"
					+ " ::ffff:169.254.169.254 is a link-local address (169.254.169.254 is the cloud metadata"
					+ " service)");
		assertThat(this.host.requests()).extracting(FeedHost.Request::path).containsExactly("/one", "/two");
	}

	@Test
	void fetchesFromAPublicHostWithTheGuardOn() throws Exception {
		this.host.serve("/old", FeedHost.redirect(301, "/new"))
			.serve("/new", FeedHost.body("application/rss+xml", UNDECLARED.getBytes(StandardCharsets.UTF_8)));
		assertThat(firstTitle(this.testHostIsPublic.fetch(this.host.url("/old")))).isEqualTo(TITLE);
	}

	@Test
	void keepsTheStatusOfAnAnswerThatIsNotTheFeed() {
		this.host.serve("/feed", FeedHost.status(410));
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.host.url("/feed")))
			.withMessageContaining("answered 410 (Gone) instead of the feed")
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(410));
	}

	private void assertGivenUpAtTheDeadline(String path) {
		long started = System.nanoTime();
		assertThatExceptionOfType(FeedImportException.class).isThrownBy(() -> this.fetcher.fetch(this.host.url(path)))
			.withMessageContaining("could not be fetched within 1 second;");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TOTAL.plusSeconds(2));
	}

	private String firstTitle(URI url) throws FeedImportException {
		return firstTitle(this.fetcher.fetch(url));
	}

	private static String firstTitle(FetchedFeed fetched) throws FeedImportException {
		return FeedMapper.map(FeedReader.parse(fetched), fetched.url()).episodes().get(0).title();
	}

}
