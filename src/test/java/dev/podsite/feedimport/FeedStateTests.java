package dev.podsite.feedimport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backing off a feed that keeps failing: the wait doubles with every failure in a row, up
 * to six hours, scheduled imports keep to it, and the next success ends it.
 */
@SpringBootTest
class FeedStateTests {

	private static final Duration REFRESH = Duration.ofMinutes(15);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private FeedState state;

	private final FeedHost host = FeedHost.start();

	/** The status the feed's host answers: 200 with the feed, or a failure. */
	private final AtomicInteger answer = new AtomicInteger(200);

	private FeedImporter importer;

	@BeforeEach
	void aFeedHost() {
		Database.clear(this.jdbc);
		byte[] feed = rss("", item("1", "One", "Mon, 01 Jan 2024 10:00:00 +0000", "")).getBytes(StandardCharsets.UTF_8);
		this.host.serve("/feed.xml", (exchange) -> {
			if (this.answer.get() == 200) {
				FeedHost.body("application/rss+xml", feed).handle(exchange);
			}
			else {
				FeedHost.status(this.answer.get()).handle(exchange);
			}
		});
		URI url = this.host.url("/feed.xml");
		assertThat(ImporterHarness.properties(url).refresh()).isEqualTo(REFRESH);
		this.importer = new ImporterHarness(this.context).importer(url);
	}

	@AfterEach
	void stopHost() {
		this.host.close();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			PT15M, 0, PT15M
			PT15M, 1, PT30M
			PT15M, 2, PT1H
			PT15M, 3, PT2H
			PT15M, 4, PT4H
			PT15M, 5, PT6H
			PT15M, 6, PT6H
			PT15M, 1000000, PT6H
			PT1H, 1, PT2H
			PT1H, 2, PT4H
			PT1H, 3, PT6H
			PT5H, 1, PT6H
			PT6H, 1, PT6H
			PT12H, 1, PT12H
			PT12H, 40, PT12H
			PT1M, 8, PT4H16M
			PT1M, 9, PT6H
			""")
	void theWaitDoublesWithEveryFailureUpToSixHours(Duration refresh, int failures, Duration wait) {
		assertThat(FeedState.backoff(refresh, failures)).isEqualTo(wait);
	}

	@Test
	void aFailingFeedIsNotTriedBeforeItsBackOffEndsAndASuccessEndsIt() {
		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(failures()).isZero();
		assertThat(nextAttempt()).isNull();

		this.answer.set(500);
		Instant before = Instant.now();
		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.FAILED);
		Instant after = Instant.now();
		assertThat(failures()).isEqualTo(1);
		assertThat(nextAttempt()).isBetween(before.plus(Duration.ofMinutes(30)), after.plus(Duration.ofMinutes(30)));

		// Long after the last start, only the back-off holds the schedule back.
		startedLongAgo();
		int requests = this.host.requests().size();
		assertThat(this.importer.importIfDue()).isEmpty();
		assertThat(this.state.claimIfDue(REFRESH)).isFalse();
		assertThat(this.host.requests()).as("no request while backing off").hasSize(requests);
		assertThat(runs()).isEqualTo(2);

		// The host's "Import now" does not wait; its failure doubles the wait.
		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(failures()).isEqualTo(2);
		assertThat(nextAttempt()).isAfter(before.plus(Duration.ofMinutes(59)));

		// Once the back-off is over, the schedule imports; a success ends the back-off.
		this.answer.set(200);
		startedLongAgo();
		this.jdbc.update("UPDATE feed_state SET next_attempt_at = now() - interval '1 second'");
		assertThat(this.importer.importIfDue()).get()
			.extracting(ImportRun::getStatus)
			.isIn(ImportStatus.SUCCEEDED, ImportStatus.UNCHANGED);
		assertThat(failures()).isZero();
		assertThat(nextAttempt()).isNull();
		assertThat(this.importer.backoff()).isEqualTo(new ImportBackoff(0, null));
	}

	@Test
	void aFeedThatIsNotBackingOffIsClaimedOncePerRefresh() {
		startedLongAgo();
		assertThat(this.state.claimIfDue(REFRESH)).isTrue();
		assertThat(this.state.claimIfDue(REFRESH)).as("just claimed").isFalse();
	}

	private void startedLongAgo() {
		this.jdbc.update("UPDATE feed_state SET last_started_at = now() - interval '1 day'");
	}

	private int failures() {
		return this.jdbc.queryForObject("SELECT consecutive_failures FROM feed_state", Integer.class);
	}

	private Instant nextAttempt() {
		Timestamp next = this.jdbc.queryForObject("SELECT next_attempt_at FROM feed_state", Timestamp.class);
		return (next != null) ? next.toInstant() : null;
	}

	private int runs() {
		return this.jdbc.queryForObject("SELECT count(*) FROM import_run", Integer.class);
	}

}
