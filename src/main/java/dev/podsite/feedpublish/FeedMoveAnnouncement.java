package dev.podsite.feedpublish;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.podsite.support.SiteContentChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The host's announcement that the site's own feed moves to another address: the feed
 * names the new address ({@code itunes:new-feed-url}) at once, and from
 * {@code redirectFrom} on {@code /feed.xml} answers 301 to it, so podcast apps follow.
 * Kept in memory between changes, as {@code /feed.xml} asks for it on every poll.
 */
@Service
public class FeedMoveAnnouncement {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile @Nullable Optional<Announced> cached;

	/** Counts changes, so a read that a change overtook is not kept. */
	private final AtomicLong changes = new AtomicLong();

	FeedMoveAnnouncement(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The announced move, if the host announced one. */
	public Optional<Announced> current() {
		Optional<Announced> current = this.cached;
		if (current == null) {
			long before = this.changes.get();
			current = this.jdbc.sql("SELECT new_url, redirect_from FROM published_feed_move")
				.query((row, i) -> new Announced(URI.create(row.getString("new_url")),
						(row.getTimestamp("redirect_from") != null) ? row.getTimestamp("redirect_from").toInstant()
								: null))
				.optional();
			if (this.changes.get() == before) {
				this.cached = current;
			}
		}
		return current;
	}

	/** Where {@code /feed.xml} redirects to now, if its move took effect. */
	Optional<URI> redirectNow() {
		return current().filter((move) -> move.redirectsAt(this.clock.instant())).map(Announced::newUrl);
	}

	/**
	 * Announces that the feed moves to {@code newUrl}, redirecting from
	 * {@code redirectFrom} on (never, when null).
	 */
	@Transactional
	public void announce(URI newUrl, @Nullable Instant redirectFrom) {
		this.jdbc.sql("""
				INSERT INTO published_feed_move (new_url, redirect_from, announced_at) VALUES (:url, :from, now())
				ON CONFLICT (id) DO UPDATE SET new_url = :url, redirect_from = :from, announced_at = now()
				""")
			.param("url", newUrl.toString())
			.param("from", (redirectFrom != null) ? java.sql.Timestamp.from(redirectFrom) : null)
			.update();
		this.events.publishEvent(new FeedMoveAnnounced());
	}

	/** Withdraws the announcement: the feed stays where it is. */
	@Transactional
	public void withdraw() {
		this.jdbc.sql("DELETE FROM published_feed_move").update();
		this.events.publishEvent(new FeedMoveAnnounced());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forget(SiteContentChanged change) {
		this.changes.incrementAndGet();
		this.cached = null;
	}

	/**
	 * @param newUrl where the feed moves
	 * @param redirectFrom from when {@code /feed.xml} answers 301, or null for never
	 */
	public record Announced(URI newUrl, @Nullable Instant redirectFrom) {

		boolean redirectsAt(Instant now) {
			return this.redirectFrom != null && !now.isBefore(this.redirectFrom);
		}

	}

}
