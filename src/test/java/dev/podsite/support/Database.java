package dev.podsite.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data housekeeping on the shared test database.
 */
public final class Database {

	private Database() {
	}

	/** Empties every table the site writes, so each test starts from an empty site. */
	public static void clear(JdbcTemplate jdbc) {
		jdbc.execute("TRUNCATE show, episode, episode_link, episode_transcript, episode_person, show_category,"
				+ " show_funding, import_run, login_failure, feed_state RESTART IDENTITY CASCADE");
		jdbc.execute("INSERT INTO feed_state DEFAULT VALUES");
	}

}
