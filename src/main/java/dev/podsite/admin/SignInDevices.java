package dev.podsite.admin;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import dev.podsite.support.Hashes;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browsers the host signed in with: each keeps a random token in a cookie, which
 * gives it a sign-in allowance of its own ({@link SignInThrottle}). A token grants
 * nothing else: the password is still checked. Only the token's hash is stored.
 */
@Component
class SignInDevices {

	static final String COOKIE = "PODSITE_DEVICE";

	/** How long a browser stays known without signing in. */
	static final Duration LIFETIME = Duration.ofDays(365);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInDevices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new token for a browser that just signed in as {@code username}. */
	@Transactional
	String issue(String username) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("DELETE FROM sign_in_device WHERE last_used_at < :expired")
			.param("expired", Timestamp.from(this.clock.instant().minus(LIFETIME)))
			.update();
		this.jdbc
			.sql("INSERT INTO sign_in_device (token_hash, username, created_at, last_used_at)"
					+ " VALUES (:hash, :username, :now, :now)")
			.param("hash", Hashes.sha256(token))
			.param("username", SignInThrottle.normalized(username))
			.param("now", now)
			.update();
		return token;
	}

	/**
	 * The hash that names the device of {@code token}, when the token is one the site
	 * gave a browser of {@code username}; null otherwise.
	 */
	@Transactional(readOnly = true)
	@Nullable String known(@Nullable String token, @Nullable String username) {
		if (token == null || token.length() > 100 || username == null) {
			return null;
		}
		String hash = Hashes.sha256(token);
		boolean known = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM sign_in_device WHERE token_hash = :hash AND username = :username"
					+ " AND last_used_at > :expired)")
			.param("hash", hash)
			.param("username", SignInThrottle.normalized(username))
			.param("expired", Timestamp.from(this.clock.instant().minus(LIFETIME)))
			.query(Boolean.class)
			.single();
		return known ? hash : null;
	}

	/** The browser signed in again with its token: it stays known. */
	@Transactional
	void used(String hash) {
		this.jdbc.sql("UPDATE sign_in_device SET last_used_at = :now WHERE token_hash = :hash")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("hash", hash)
			.update();
	}

	/** Forgets every browser of {@code username}, as when its password changes. */
	@Transactional
	void forget(String username) {
		this.jdbc.sql("DELETE FROM sign_in_device WHERE username = :username")
			.param("username", SignInThrottle.normalized(username))
			.update();
	}

}
