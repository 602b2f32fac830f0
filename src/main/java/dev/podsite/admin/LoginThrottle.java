package dev.podsite.admin;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down: after {@value #PER_USER} failed sign-ins for one user
 * name, or {@value #PER_ADDRESS} from one address, within {@link #WINDOW}, further tries
 * are refused for {@link #LOCK} before any password is checked. The counts live in
 * PostgreSQL, so they hold across instances.
 */
@Component
class LoginThrottle {

	static final int PER_USER = 5;

	static final int PER_ADDRESS = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LoginThrottle(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How long sign-ins for this user or from this address are refused, if they are. */
	Optional<Duration> lockedFor(@Nullable String username, String address) {
		Instant now = this.clock.instant();
		List<Timestamp> until = this.jdbc.queryForList(
				"SELECT max(locked_until) FROM login_failure WHERE key IN (?, ?) AND locked_until > ?", Timestamp.class,
				userKey(username), addressKey(address), Timestamp.from(now));
		if (until.isEmpty() || until.get(0) == null) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, until.get(0).toInstant()));
	}

	/** Counts a failed sign-in; answers whether it locked the user or the address. */
	boolean failed(@Nullable String username, String address) {
		boolean locked = count(userKey(username), PER_USER) | count(addressKey(address), PER_ADDRESS);
		if (locked) {
			log.warn("Sign-ins for '{}' or from {} are refused for {} minutes after repeated failures", username,
					address, LOCK.toMinutes());
		}
		return locked;
	}

	void succeeded(String username) {
		Instant now = this.clock.instant();
		this.jdbc.update("DELETE FROM login_failure WHERE key = ? OR (first_at < ? AND coalesce(locked_until, ?) < ?)",
				userKey(username), Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now),
				Timestamp.from(now));
	}

	private boolean count(String key, int limit) {
		Timestamp now = Timestamp.from(this.clock.instant());
		Timestamp windowStart = Timestamp.from(this.clock.instant().minus(WINDOW));
		Timestamp lockEnd = Timestamp.from(this.clock.instant().plus(LOCK));
		Integer failures = this.jdbc.queryForObject("""
				INSERT INTO login_failure AS f (key, failures, first_at) VALUES (?, 1, ?)
				ON CONFLICT (key) DO UPDATE SET
					failures = CASE WHEN f.first_at < ? THEN 1 ELSE f.failures + 1 END,
					first_at = CASE WHEN f.first_at < ? THEN excluded.first_at ELSE f.first_at END
				RETURNING failures
				""", Integer.class, key, now, windowStart, windowStart);
		if (failures != null && failures >= limit) {
			this.jdbc.update("UPDATE login_failure SET locked_until = ?, failures = 0, first_at = ? WHERE key = ?",
					lockEnd, now, key);
			return true;
		}
		return false;
	}

	private static String userKey(@Nullable String username) {
		return "user:" + ((username != null) ? username.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	/** Refuses a sign-in while its user or address is locked, before the password. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				return !("POST".equals(request.getMethod()) && "/login".equals(path));
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Optional<Duration> locked = lockedFor(request.getParameter("username"), request.getRemoteAddr());
				if (locked.isPresent()) {
					response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes(locked.get()));
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/** Counts the failure and tells the host why the sign-in failed. */
	AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			boolean locked = failed(request.getParameter("username"), request.getRemoteAddr());
			response.sendRedirect(
					request.getContextPath() + (locked ? "/login?locked=" + LOCK.toMinutes() : "/login?error"));
		};
	}

	/** Clears the user's failures and goes where the host was headed, or to /admin. */
	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/admin");
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			succeeded(authentication.getName());
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static long minutes(Duration duration) {
		return Math.max(1, (duration.toSeconds() + 59) / 60);
	}

}
