package dev.podsite.feedimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our subscriptions to the source feed's WebSub hub, in the database so that any instance
 * answers the hub's verification and pushes.
 */
@Component
class WebSubSubscriptions {

	private final JdbcClient jdbc;

	WebSubSubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void requested(String callbackId, HubLink link, String secret, Instant at) {
		this.jdbc.sql("""
				INSERT INTO websub_subscription (callback_id, hub, topic, secret, state, requested_at)
				VALUES (:id, :hub, :topic, :secret, 'pending', :at)
				""")
			.param("id", callbackId)
			.param("hub", link.hub())
			.param("topic", link.topic())
			.param("secret", secret)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Subscription> find(String callbackId) {
		return this.jdbc.sql("""
				SELECT callback_id, hub, topic, secret, state, requested_at, verified_at, expires_at
				FROM websub_subscription WHERE callback_id = :id
				""").param("id", callbackId).query(WebSubSubscriptions::subscription).optional();
	}

	/** The newest subscription to {@code link} that is pending or active, if any. */
	Optional<Subscription> current(HubLink link) {
		return this.jdbc.sql("""
				SELECT callback_id, hub, topic, secret, state, requested_at, verified_at, expires_at
				FROM websub_subscription WHERE hub = :hub AND topic = :topic AND state <> 'denied'
				ORDER BY requested_at DESC LIMIT 1
				""")
			.param("hub", link.hub())
			.param("topic", link.topic())
			.query(WebSubSubscriptions::subscription)
			.optional();
	}

	/**
	 * The hub confirmed at {@code at}: the subscription holds until {@code expiresAt}.
	 */
	void verified(String callbackId, Instant at, Instant expiresAt) {
		this.jdbc.sql("""
				UPDATE websub_subscription SET state = 'active', verified_at = :at, expires_at = :expires
				WHERE callback_id = :id
				""")
			.param("id", callbackId)
			.param("at", Timestamp.from(at))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	void denied(String callbackId) {
		this.jdbc.sql("UPDATE websub_subscription SET state = 'denied' WHERE callback_id = :id")
			.param("id", callbackId)
			.update();
	}

	/**
	 * Forgets subscriptions replaced by a newer one to the same topic, or long expired.
	 */
	void forgetOlderThan(Instant before) {
		this.jdbc.sql("DELETE FROM websub_subscription WHERE requested_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static Subscription subscription(ResultSet row, int i) throws SQLException {
		Timestamp verified = row.getTimestamp("verified_at");
		Timestamp expires = row.getTimestamp("expires_at");
		return new Subscription(row.getString("callback_id"), new HubLink(row.getString("hub"), row.getString("topic")),
				row.getString("secret"), row.getString("state"), row.getTimestamp("requested_at").toInstant(),
				(verified != null) ? verified.toInstant() : null, (expires != null) ? expires.toInstant() : null);
	}

	record Subscription(String callbackId, HubLink link, String secret, String state, Instant requestedAt,
			@Nullable Instant verifiedAt, @Nullable Instant expiresAt) {

		boolean pending() {
			return "pending".equals(this.state);
		}

		boolean active() {
			return "active".equals(this.state);
		}

	}

	/**
	 * The hub a feed declares ({@code atom:link rel="hub"}) and the topic it names for
	 * itself ({@code rel="self"}): WebSub discovery.
	 */
	record HubLink(String hub, String topic) {

		private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

		/** The channel's hub and self links, or null when it lacks either. */
		static @Nullable HubLink of(Document feed) {
			Element channel = feed.getRootElement().getChild("channel");
			if (channel == null) {
				return null;
			}
			String hub = null;
			String self = null;
			for (Element link : channel.getChildren("link", ATOM)) {
				String rel = link.getAttributeValue("rel");
				String href = link.getAttributeValue("href");
				if (href == null || href.isBlank() || !href.strip().matches("(?i)https?://.+")) {
					continue;
				}
				if ("hub".equals(rel) && hub == null) {
					hub = href.strip();
				}
				else if ("self".equals(rel) && self == null) {
					self = href.strip();
				}
			}
			return (hub != null && self != null) ? new HubLink(hub, self) : null;
		}

	}

}
