package dev.podsite.feedimport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import dev.podsite.feedpublish.FeedFinding;
import dev.podsite.feedpublish.FeedFinding.Directory;
import dev.podsite.feedpublish.FeedFinding.Severity;
import dev.podsite.feedpublish.PublishedFeedCheck;
import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The artwork the feed check could not size from the feed, downloaded from a local image
 * host through the import's guarded fetcher, sized from real generated JPEG and PNG
 * images, and remembered in PostgreSQL by URL and ETag.
 */
@SpringBootTest
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArtworkMeasurementsTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Clock clock;

	@Autowired
	private FeedState state;

	@Autowired
	private PublishedFeedCheck published;

	private final FeedHost host = FeedHost.start();

	@BeforeEach
	void anEmptySite() {
		Database.clear(this.jdbcTemplate);
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@Test
	void aSmallImageIsFlaggedWithItsSize() {
		this.host.serve("/art.png", FeedHost.body("image/png", image("png", 400, 400)));

		assertThat(measured("/art.png")).extracting(FeedFinding::code, FeedFinding::severity, FeedFinding::detail)
			.containsExactly(tuple("artwork-small", Severity.ERROR, "400 × 400"));
	}

	@Test
	void aSquarePngOf1400PixelsHasNoFinding() {
		this.host.serve("/art.png", FeedHost.body("image/png", image("png", 1400, 1400)));

		assertThat(measured("/art.png")).isEmpty();
	}

	@Test
	void aJpegOf3000PixelsHasNoFindingAndOneLargerIsTooLarge() {
		this.host.serve("/fine.jpg", FeedHost.body("image/jpeg", image("jpeg", 3000, 3000)));
		this.host.serve("/huge.jpg", FeedHost.body("image/jpeg", image("jpeg", 3200, 3200)));

		assertThat(measured("/fine.jpg")).isEmpty();
		assertThat(measured("/huge.jpg")).extracting(FeedFinding::code, FeedFinding::detail)
			.containsExactly(tuple("artwork-large", "3200 × 3200"));
	}

	@Test
	void aNonSquareImageIsFlagged() {
		this.host.serve("/wide.jpg", FeedHost.body("image/jpeg", image("jpeg", 1600, 1400)));

		assertThat(measured("/wide.jpg")).extracting(FeedFinding::code, FeedFinding::detail)
			.containsExactly(tuple("artwork-not-square", "1600 × 1400"));
	}

	@Test
	void aGifOrSomethingElseIsNotJpegOrPng() {
		this.host.serve("/art.gif", FeedHost.body("image/gif", image("gif", 1400, 1400)));
		this.host.serve("/art.txt", FeedHost.body("text/plain", "not an image".getBytes()));

		assertThat(measured("/art.gif")).extracting(FeedFinding::code, FeedFinding::detail)
			.containsExactly(tuple("artwork-format", "GIF"));
		assertThat(measured("/art.txt")).extracting(FeedFinding::code).containsExactly("artwork-not-image");
	}

	@Test
	void anImageThatCannotBeDownloadedIsFlaggedWithTheStatus() {
		this.host.serve("/gone.png", FeedHost.status(404));

		assertThat(measured("/gone.png")).extracting(FeedFinding::code, FeedFinding::detail)
			.containsExactly(tuple("artwork-unreachable-status", "404"));
	}

	@Test
	void anUnchangedImageIsAskedForWithItsEtagAndNotDownloadedAgain() {
		byte[] small = image("png", 500, 500);
		AtomicInteger downloads = new AtomicInteger();
		this.host.serve("/art.png", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().add("ETag", "\"v1\"");
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			downloads.incrementAndGet();
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			exchange.sendResponseHeaders(200, small.length);
			exchange.getResponseBody().write(small);
		});
		ArtworkMeasurements measurements = measurements(FeedHost.thisMachineOnly(), ArtworkMeasurements.MAX_BYTES);
		String url = this.host.url("/art.png").toString();

		measurements.measure(List.of(url));
		measurements.measure(List.of(url));

		assertThat(this.host.paths()).containsExactly("/art.png", "/art.png");
		assertThat(this.host.requests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(downloads).hasValue(1);
		// The 304 keeps what the download found.
		assertThat(measurements.withMeasurements(List.of(unsized(url)))).extracting(FeedFinding::code)
			.containsExactly("artwork-small");
	}

	@Test
	void anImageLargerThanTheLimitIsRefusedWithoutReadingItWhole() throws Exception {
		long sent = 64L * 1024 * 1024;
		AtomicLong written = new AtomicLong();
		CountDownLatch finished = new CountDownLatch(1);
		this.host.serve("/huge.png", (exchange) -> {
			try {
				exchange.getResponseHeaders().add("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, sent);
				OutputStream out = exchange.getResponseBody();
				byte[] chunk = new byte[64 * 1024];
				while (written.get() < sent) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
			}
			catch (IOException ex) {
				// the fetcher hung up: what the test wants
			}
			finally {
				finished.countDown();
			}
		});
		ArtworkMeasurements measurements = measurements(FeedHost.thisMachineOnly(), 1024 * 1024);
		String url = this.host.url("/huge.png").toString();

		measurements.measure(List.of(url));

		assertThat(measurements.withMeasurements(List.of(unsized(url)))).extracting(FeedFinding::code)
			.containsExactly("artwork-file-large");
		assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(written.get()).isLessThan(sent);
	}

	@Test
	void anImageOnAPrivateAddressIsNeverAskedFor() {
		this.host.serve("/art.png", FeedHost.body("image/png", image("png", 1400, 1400)));
		ArtworkMeasurements measurements = measurements(new PrivateAddressGuard(false), ArtworkMeasurements.MAX_BYTES);
		String url = this.host.url("/art.png").toString();

		measurements.measure(List.of(url));

		assertThat(this.host.paths()).isEmpty();
		assertThat(measurements.withMeasurements(List.of(unsized(url)))).extracting(FeedFinding::code)
			.containsExactly("artwork-unreachable");
	}

	@Test
	void theArtworkTheSourceFeedCheckCouldNotSizeIsMeasuredWhenDueAndOnlyThen() {
		this.host.serve("/art.png", FeedHost.body("image/png", image("png", 300, 300)));
		String url = this.host.url("/art.png").toString();
		FeedFinding unsized = unsized(url);
		this.state.checked(List.of(unsized), null);
		ArtworkMeasurements measurements = measurements(FeedHost.thisMachineOnly(), ArtworkMeasurements.MAX_BYTES);
		assertThat(measurements.withMeasurements(List.of(unsized))).containsExactly(unsized);

		measurements.measureDue();
		measurements.measureDue();

		// Measured a moment ago: not due again for hours.
		assertThat(this.host.paths()).containsExactly("/art.png");
		assertThat(measurements.withMeasurements(List.of(unsized))).extracting(FeedFinding::code)
			.containsExactly("artwork-small");
	}

	private List<FeedFinding> measured(String path) {
		ArtworkMeasurements measurements = measurements(FeedHost.thisMachineOnly(), ArtworkMeasurements.MAX_BYTES);
		String url = this.host.url(path).toString();
		measurements.measure(List.of(url));
		return measurements.withMeasurements(List.of(unsized(url)));
	}

	private ArtworkMeasurements measurements(PrivateAddressGuard guard, long maxBytes) {
		FeedFetcher fetcher = new FeedFetcher(ImporterHarness.properties(this.host.url("/feed.xml")),
				"https://podcast.example", Duration.ofSeconds(5), Duration.ofSeconds(20), guard);
		return new ArtworkMeasurements(fetcher, maxBytes, this.jdbc, this.clock, this.state, this.published);
	}

	/** What the feed check says of artwork whose size the feed does not declare. */
	private static FeedFinding unsized(String url) {
		return new FeedFinding("artwork-size-unknown", Severity.INFO, null, url, EnumSet.of(Directory.APPLE));
	}

	/** A real image of that size, encoded by ImageIO. */
	private static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, bytes)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
