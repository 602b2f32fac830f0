package dev.podsite.system;

import java.net.http.HttpResponse;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the site made of a client behind a proxy, as the proxy tests read it back.
 */
final class ClientsSeen {

	private ClientsSeen() {
	}

	/** The addresses the sign-in throttle recorded failures for, as its keys. */
	static List<String> addressesThatFailed(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT key FROM sign_in_throttle WHERE key LIKE 'address:%'", String.class);
	}

	/** The session cookie the response sets, with its attributes. */
	static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
	}

}
