package dev.podsite.feedimport;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.podsite.feedpublish.FeedFinding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The feed's fetching state, shared by every instance through PostgreSQL: when the last
 * import started, failures in a row and when to try again, and the validators of the last
 * import for a conditional GET.
 */
@Component
class FeedState {

	/** The longest wait between two attempts while the feed keeps failing. */
	static final Duration LONGEST_BACKOFF = Duration.ofHours(6);

	private final JdbcClient jdbc;

	FeedState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the next scheduled import for this instance: true when no import started
	 * within {@code refresh} (on any instance) and no back-off is running. The claim and
	 * the record of its start are one statement, so only one instance wins it.
	 */
	boolean claimIfDue(Duration refresh) {
		return this.jdbc.sql("""
				UPDATE feed_state SET last_started_at = now()
				WHERE (last_started_at IS NULL OR last_started_at <= now() - make_interval(secs => :refresh))
					AND (next_attempt_at IS NULL OR next_attempt_at <= now())
				""").param("refresh", refresh.toMillis() / 1000.0).update() == 1;
	}

	/** Records the start of an import that was not claimed: one the host asked for. */
	void started() {
		this.jdbc.sql("UPDATE feed_state SET last_started_at = now()").update();
	}

	/**
	 * The validators of the last successful import of {@code url}, for a conditional GET.
	 */
	Optional<Validators> validators(String url) {
		return this.jdbc
			.sql("SELECT etag, last_modified, content_hash FROM feed_state"
					+ " WHERE feed_url = :url AND content_hash IS NOT NULL")
			.param("url", url)
			.query((row, i) -> new Validators(row.getString("etag"), row.getString("last_modified"),
					row.getString("content_hash")))
			.optional();
	}

	/**
	 * Records a successful import of {@code url} with its validators; writes nothing when
	 * they are the ones stored (an unchanged feed).
	 */
	void succeeded(String url, Validators validators) {
		this.jdbc.sql("""
				UPDATE feed_state SET consecutive_failures = 0, next_attempt_at = NULL,
					feed_url = :url, etag = :etag, last_modified = :lastModified, content_hash = :contentHash
				WHERE (consecutive_failures, next_attempt_at, feed_url, etag, last_modified, content_hash)
					IS DISTINCT FROM (0, NULL, :url, :etag, :lastModified, :contentHash)
				""")
			.param("url", url)
			.param("etag", validators.etag())
			.param("lastModified", validators.lastModified())
			.param("contentHash", validators.contentHash())
			.update();
	}

	/**
	 * Keeps what the feed check found in the source feed just read, and the WebSub hub it
	 * declares (or none); writes nothing when they are the ones stored, so
	 * {@code source_checked_at} says when they last changed.
	 */
	void checked(List<FeedFinding> findings, WebSubSubscriptions.@Nullable HubLink hub) {
		this.jdbc.sql("""
				UPDATE feed_state SET source_findings = CAST(:findings AS jsonb), source_checked_at = now(),
					source_hub = :hub, source_topic = :topic
				WHERE (source_findings, source_hub, source_topic)
					IS DISTINCT FROM (CAST(:findings AS jsonb), :hub, :topic)
				""")
			.param("findings", FeedFinding.toJson(findings))
			.param("hub", (hub != null) ? hub.hub() : null)
			.param("topic", (hub != null) ? hub.topic() : null)
			.update();
	}

	/** The WebSub hub the source feed declared when last read, if any. */
	Optional<WebSubSubscriptions.HubLink> sourceHub() {
		return this.jdbc.sql("SELECT source_hub, source_topic FROM feed_state WHERE source_hub IS NOT NULL")
			.query((row, i) -> new WebSubSubscriptions.HubLink(row.getString("source_hub"),
					row.getString("source_topic")))
			.optional();
	}

	/** What the feed check found in the source feed at its last import that read it. */
	Optional<List<FeedFinding>> sourceFindings() {
		return this.jdbc.sql("SELECT source_findings FROM feed_state WHERE source_findings IS NOT NULL")
			.query(String.class)
			.optional()
			.map(FeedFinding::listFromJson);
	}

	/**
	 * Counts a failure and sets when to try again: the refresh interval doubled for every
	 * failure in a row, up to {@link #LONGEST_BACKOFF}.
	 * @return the failures in a row, this one included
	 */
	int failed(Instant now, Duration refresh) {
		int failures = this.jdbc
			.sql("UPDATE feed_state SET consecutive_failures = consecutive_failures + 1 RETURNING consecutive_failures")
			.query(Integer.class)
			.single();
		this.jdbc.sql("UPDATE feed_state SET next_attempt_at = :next")
			.param("next", Timestamp.from(now.plus(backoff(refresh, failures))))
			.update();
		return failures;
	}

	/** How long to wait after {@code failures} failures in a row. */
	static Duration backoff(Duration refresh, int failures) {
		Duration longest = (refresh.compareTo(LONGEST_BACKOFF) > 0) ? refresh : LONGEST_BACKOFF;
		Duration wait = refresh;
		for (int i = 0; i < failures && wait.compareTo(longest) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(longest) > 0) ? longest : wait;
	}

	/**
	 * The move recorded for the configured address {@code configured}; a move found for
	 * another configured address no longer applies, as the operator's setting wins.
	 */
	Optional<FeedMove> move(String configured) {
		return this.jdbc.sql("""
				SELECT moved_from, moved_to, moved_at, move_reason FROM feed_state
				WHERE moved_for = :configured AND moved_to IS NOT NULL
				""")
			.param("configured", configured)
			.query((row, i) -> new FeedMove(row.getString("moved_from"), row.getString("moved_to"),
					row.getTimestamp("moved_at").toInstant(), row.getString("move_reason")))
			.optional();
	}

	/** Records that the feed found for {@code configured} moved for good. */
	void moved(String configured, FeedMove move) {
		this.jdbc.sql("""
				UPDATE feed_state SET moved_for = :configured, moved_from = :from, moved_to = :to,
					moved_at = :at, move_reason = :reason
				""")
			.param("configured", configured)
			.param("from", move.from())
			.param("to", move.to())
			.param("at", Timestamp.from(move.at()))
			.param("reason", move.reason())
			.update();
	}

	/** For the dashboard: the failures in a row and when the next attempt is due. */
	ImportBackoff backoff() {
		return this.jdbc.sql("SELECT consecutive_failures, next_attempt_at FROM feed_state")
			.query((row, i) -> new ImportBackoff(row.getInt("consecutive_failures"),
					(row.getTimestamp("next_attempt_at") != null) ? row.getTimestamp("next_attempt_at").toInstant()
							: null))
			.single();
	}

	/**
	 * What the source said of the feed last time, and the hash of the body it sent.
	 */
	record Validators(@Nullable String etag, @Nullable String lastModified, String contentHash) {
	}

}
