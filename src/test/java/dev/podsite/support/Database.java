package dev.podsite.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.postgresql.Driver;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Test data housekeeping on the shared test database.
 */
public final class Database {

	private Database() {
	}

	/**
	 * The shared test database with the site's schema, for tests that start applications
	 * of their own and prepare the database before.
	 */
	public static JdbcTemplate migrated() {
		TestDatabase.Connection db = TestDatabase.connection();
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), db.url(), db.username(),
				db.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return new JdbcTemplate(dataSource);
	}

	/**
	 * Empties every table the site writes, so each test starts from an empty site, and
	 * tells the running sites so.
	 */
	public static void clear(JdbcTemplate jdbc) {
		jdbc.execute("TRUNCATE show, episode, episode_link, episode_transcript, episode_person, show_category,"
				+ " show_funding, person, person_alias, person_former_slug, show_person, import_run, sign_in_throttle,"
				+ " sign_in_device, feed_state, episode_chapter, episode_transcript_cue, episode_timeline_source,"
				+ " media_file, episode_file, published_feed_move, websub_subscription, artwork_measurement RESTART IDENTITY CASCADE");
		jdbc.execute("INSERT INTO feed_state DEFAULT VALUES");
		TestDatabase.announceChange();
	}

	/** When the import runs since {@code since} started, in order. */
	public static List<Instant> importStartsSince(JdbcTemplate jdbc, Instant since) {
		return jdbc
			.queryForList("SELECT started_at FROM import_run WHERE started_at >= ? ORDER BY started_at",
					Timestamp.class, Timestamp.from(since))
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

}
