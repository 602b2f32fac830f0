package dev.podsite.episode;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A show row and nothing else, for the episode module's tests to store episodes under.
 */
final class BareShow {

	private BareShow() {
	}

	/** Inserts the show and answers its id. */
	static long insert(JdbcTemplate jdbc) {
		return jdbc.queryForObject("INSERT INTO show (feed_url, title) VALUES (?, ?) RETURNING id", Long.class,
				"https://feeds.example/show.xml", "Show");
	}

}
