package dev.podsite.episode;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V8 moves the credits stored before it into people without losing one, by the
 * import's own rule: the next import of the same credits finds the same people. Runs on a
 * database of its own on the test server, migrated to V7 first.
 */
class PeopleMigrationTests {

	private ScratchDatabase database;

	private JdbcTemplate jdbc;

	@BeforeEach
	void aDatabaseAtV7() {
		this.database = new ScratchDatabase("podsite_v8_");
		this.jdbc = this.database.jdbc();
		this.database.migrate("7");
	}

	@AfterEach
	void dropIt() {
		this.database.drop();
	}

	@Test
	void everyCreditPointsAtItsPersonAndNoneIsLost() {
		long show = this.jdbc.queryForObject(
				"INSERT INTO show (feed_url, title) VALUES ('https://f.example', 'S')" + " RETURNING id", Long.class);
		long first = episode(show, "1", "2024-01-01");
		long second = episode(show, "2", "2024-02-01");
		long third = episode(show, "3", "2024-03-01");
		credit(third, 0, "Jane Doe", "guest", "https://jane.example");
		credit(first, 0, "Jane Doe", "host", null);
		credit(first, 1, "Orhun Parmaksız", "guest", "https://orhun.dev/");
		credit(second, 0, "jane  DOE", null, null);
		credit(second, 1, "Orhun P.", "guest", "http://www.orhun.dev");
		credit(second, 2, "Jane Doe", "guest", "https://other-jane.example");
		List<Map<String, Object>> before = credits();

		this.database.migrate(null);

		assertThat(credits()).as("every credit, as it was").isEqualTo(before);
		assertThat(this.jdbc.queryForList("SELECT slug || ' ' || name FROM person ORDER BY id", String.class))
			.containsExactly("jane-doe Jane Doe", "orhun-parmaksiz Orhun Parmaksız", "jane-doe-2 Jane Doe");
		assertThat(this.jdbc.queryForList("""
				SELECT e.identity || '/' || c.position || ' ' || p.slug
				FROM episode_person c JOIN episode e ON e.id = c.episode_id JOIN person p ON p.id = c.person_id
				ORDER BY e.identity, c.position""", String.class))
			.as("oldest first: a name without a link yet takes one; another link makes a namesake")
			.containsExactly("1/0 jane-doe", "1/1 orhun-parmaksiz", "2/0 jane-doe", "2/1 orhun-parmaksiz",
					"2/2 jane-doe", "3/0 jane-doe-2");
		assertThat(this.jdbc.queryForList("SELECT key FROM person_alias ORDER BY key", String.class)).containsExactly(
				"link:jane.example", "link:orhun.dev", "link:other-jane.example", "name:jane doe",
				"name:orhun parmaksiz");

		// Written again by an import: the same people, no new one.
		this.jdbc.update("UPDATE episode_person SET person_id = NULL");
		int linked = new PeopleWriter(JdbcClient.create(this.database.dataSource()),
				new NamedParameterJdbcTemplate(this.database.dataSource()))
			.linkEpisodeCredits();
		assertThat(linked).isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM person", Integer.class)).isEqualTo(3);
		assertThat(credits()).isEqualTo(before);
	}

	private long episode(long show, String identity, String date) {
		return this.jdbc.queryForObject("""
				INSERT INTO episode (show_id, identity, guid, slug, title, published_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?::timestamptz, '') RETURNING id""", Long.class, show, identity, identity,
				"e" + identity, "Episode " + identity, date);
	}

	private void credit(long episode, int position, String name, String role, String href) {
		this.jdbc.update("INSERT INTO episode_person (episode_id, position, name, role, href) VALUES (?, ?, ?, ?, ?)",
				episode, position, name, role, href);
	}

	private List<Map<String, Object>> credits() {
		return this.jdbc.queryForList("SELECT episode_id, position, name, role, person_group, image_url, href"
				+ " FROM episode_person ORDER BY episode_id, position");
	}

}
