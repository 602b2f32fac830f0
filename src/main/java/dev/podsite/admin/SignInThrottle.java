package dev.podsite.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing down without ever locking the host out (OWASP's scheme with
 * device cookies). Every try is counted before its password is checked, under a row lock,
 * so a burst of tries is counted as a burst. Past a free allowance, each failure makes
 * the next try wait longer (1 s, 2 s, 4 s … up to {@link #LONGEST_WAIT}); a try that
 * comes too soon is refused unchecked, and the refusal says when to try again.
 * <p>
 * From a browser the host signed in with before (a known device) only that device's own
 * failures count: whatever others try, the host's browser signs in. From anywhere else,
 * failures count per client address, per user name from that address, and per user name
 * from all unknown browsers together; the last allows many, for attacks spread over many
 * addresses. The counts live in PostgreSQL, so they hold across instances.
 */
@Component
class SignInThrottle {

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Failures older than this (since the key's last one) are forgotten. */
	static final Duration MEMORY = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts a try of {@code username} as a failure until it succeeds.
	 * @param device the hash of a device token valid for this user, null from an unknown
	 * browser
	 * @return how long to wait when the try is refused, empty when its password may be
	 * checked
	 */
	@Transactional
	Optional<Duration> attempt(String username, String address, @Nullable String device) {
		Instant now = this.clock.instant();
		List<Key> keys = keys(username, address, device);
		for (Key key : keys) {
			this.jdbc.sql("INSERT INTO sign_in_throttle (key, last_at) VALUES (:key, :now) ON CONFLICT DO NOTHING")
				.param("key", key.name())
				.param("now", Timestamp.from(now))
				.update();
		}
		List<Counter> counters = this.jdbc
			.sql("SELECT key, failures, last_at, blocked_until FROM sign_in_throttle WHERE key IN (:keys)"
					+ " ORDER BY key FOR UPDATE")
			.param("keys", keys.stream().map(Key::name).toList())
			.query((row, i) -> new Counter(row.getString("key"), row.getInt("failures"),
					row.getTimestamp("last_at").toInstant(),
					(row.getTimestamp("blocked_until") != null) ? row.getTimestamp("blocked_until").toInstant() : null))
			.list();
		Instant refusedUntil = counters.stream()
			.map(Counter::blockedUntil)
			.filter((until) -> until != null && until.isAfter(now))
			.max(Instant::compareTo)
			.orElse(null);
		if (refusedUntil != null) {
			return Optional.of(Duration.between(now, refusedUntil));
		}
		for (Counter counter : counters) {
			int failures = (counter.lastAt().isBefore(now.minus(MEMORY))) ? 1 : counter.failures() + 1;
			Duration wait = wait(failures, allowance(counter.key()));
			this.jdbc
				.sql("UPDATE sign_in_throttle SET failures = :failures, last_at = :now,"
						+ " blocked_until = :blockedUntil WHERE key = :key")
				.param("failures", failures)
				.param("now", Timestamp.from(now))
				.param("blockedUntil", wait.isZero() ? null : Timestamp.from(now.plus(wait)))
				.param("key", counter.key())
				.update();
			if (failures == allowance(counter.key()) + 1) {
				log.warn("Sign-ins {} failed {} times: each further try waits longer, up to {} minutes",
						RecentFailures.of(counter.key(), failures, now, null).whoInEnglish(), failures,
						LONGEST_WAIT.toMinutes());
			}
		}
		return Optional.empty();
	}

	/** The try succeeded: the keys it was counted under start afresh. */
	@Transactional
	void succeeded(String username, String address, @Nullable String device) {
		this.jdbc.sql("DELETE FROM sign_in_throttle WHERE key IN (:keys) OR last_at < :forgotten")
			.param("keys", keys(username, address, device).stream().map(Key::name).toList())
			.param("forgotten", Timestamp.from(this.clock.instant().minus(MEMORY)))
			.update();
	}

	/** Failed sign-ins of the last day, latest first, for the host's dashboard. */
	@Transactional(readOnly = true)
	List<RecentFailures> recentFailures() {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("SELECT key, failures, last_at, blocked_until FROM sign_in_throttle WHERE failures > 0"
					+ " AND last_at > :since AND key NOT LIKE 'device:%' ORDER BY last_at DESC LIMIT 20")
			.param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
			.query((row, i) -> RecentFailures.of(row.getString("key"), row.getInt("failures"),
					row.getTimestamp("last_at").toInstant(),
					(row.getTimestamp("blocked_until") != null
							&& row.getTimestamp("blocked_until").toInstant().isAfter(now))
									? row.getTimestamp("blocked_until").toInstant() : null))
			.list();
	}

	/**
	 * How long the next try waits after {@code failures} failures: nothing within the
	 * allowance, then twice as long after each, up to {@link #LONGEST_WAIT}.
	 */
	static Duration wait(int failures, int allowance) {
		int over = failures - allowance;
		if (over <= 0) {
			return Duration.ZERO;
		}
		return Duration.ofSeconds(Math.min(1L << Math.min(over - 1, 30), LONGEST_WAIT.toSeconds()));
	}

	private static List<Key> keys(String username, String address, @Nullable String device) {
		String user = normalized(username);
		List<Key> keys = new ArrayList<>();
		if (device != null) {
			keys.add(new Key("device:" + device));
		}
		else {
			keys.add(new Key("address:" + address));
			keys.add(new Key("user-address:" + user + " " + address));
			keys.add(new Key("user:" + user));
		}
		return keys;
	}

	/** How many failures a key may have before they slow its tries down. */
	static int allowance(String key) {
		if (key.startsWith("device:")) {
			return 10;
		}
		if (key.startsWith("user-address:")) {
			return 5;
		}
		if (key.startsWith("address:")) {
			return 20;
		}
		return 100;
	}

	static String normalized(@Nullable String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	private record Key(String name) {
	}

	private record Counter(String key, int failures, Instant lastAt, @Nullable Instant blockedUntil) {
	}

	/**
	 * Failures under one key, as the dashboard shows them.
	 *
	 * @param key who tried: "address:203.0.113.9", "user-address:admin 203.0.113.9" or
	 * "user:admin" (from browsers the site does not know)
	 * @param refusedUntil until when tries are refused, null when they are not
	 */
	record RecentFailures(String key, int failures, Instant lastAt, @Nullable Instant refusedUntil) {

		static RecentFailures of(String key, int failures, Instant lastAt, @Nullable Instant refusedUntil) {
			return new RecentFailures(key, failures, lastAt, refusedUntil);
		}

		/** Who tried, as the log says it (in English). */
		public String whoInEnglish() {
			Object[] args = whoArgs();
			return switch (whoKey()) {
				case "admin.failures.fromAddress" -> "from " + args[0];
				case "admin.failures.asUserFromAddress" -> "as “" + args[0] + "” from " + args[1];
				default -> "as “" + args[0] + "” from browsers the site does not know";
			};
		}

		/**
		 * The message that says who tried (admin.failures.*): from an address, as a user
		 * from an address, or as a user from browsers the site does not know.
		 */
		public String whoKey() {
			if (this.key.startsWith("address:")) {
				return "admin.failures.fromAddress";
			}
			return this.key.startsWith("user-address:") ? "admin.failures.asUserFromAddress"
					: "admin.failures.asUserFromUnknownBrowsers";
		}

		/** The user name and address that message names. */
		public Object[] whoArgs() {
			if (this.key.startsWith("address:")) {
				return new Object[] { this.key.substring("address:".length()) };
			}
			if (this.key.startsWith("user-address:")) {
				String[] parts = this.key.substring("user-address:".length()).split(" ", 2);
				return new Object[] { parts[0], (parts.length > 1) ? parts[1] : "?" };
			}
			return new Object[] { this.key.substring("user:".length()) };
		}

	}

}
