package dev.podsite.episode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of the people ({@code person}, {@code person_alias},
 * {@code person_former_slug}, {@code show_person}) and of the person each credit of an
 * episode points at. Callers hold the transaction. Every change first takes the people's
 * lock until it commits, so an import's matching and the host's merges and renames never
 * interleave.
 * <p>
 * A credit is matched on keys the database computes ({@code person_name_key},
 * {@code person_link_key}, defined once by the migration that moved the first credits): a
 * known link is that person; else a known name is, unless the credit has a link and that
 * person has another one already (two people of the same name: the host can merge them,
 * but could not split one); else the credit makes a new person. A link that one episode
 * (or the show) gives to two names is nobody's own (the show's site, a company's): it is
 * not matched on. Every key matched stays in {@code person_alias}, pointing at its person
 * through merges and renames.
 */
@Component
class PeopleWriter {

	/** The key of the transaction-level advisory lock over the people ("PodPeopl"). */
	static final long PEOPLE_LOCK = 0x506f6450656f706cL;

	private static final String LINK = "link:";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	PeopleWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Points every credit an import wrote (those without a person yet) at its person,
	 * oldest episode first, as the migration did: a new person takes the name of their
	 * first credit.
	 * @return how many credits were linked
	 */
	int linkEpisodeCredits() {
		List<Credit> credits = this.jdbc.sql("""
				SELECT p.episode_id, p.position, p.name, k.name_key,
					CASE WHEN min(k.name_key) OVER same_link = max(k.name_key) OVER same_link THEN k.link_key
					END AS link_key
				FROM episode_person p JOIN episode e ON e.id = p.episode_id
					CROSS JOIN LATERAL (SELECT person_name_key(p.name) AS name_key,
						person_link_key(p.href) AS link_key) k
				WHERE p.person_id IS NULL
				WINDOW same_link AS (PARTITION BY p.episode_id, k.link_key)
				ORDER BY e.published_at, e.id, p.position
				""")
			.query((row, i) -> new Credit(row.getLong("episode_id"), row.getInt("position"), row.getString("name"),
					row.getString("name_key"), row.getString("link_key")))
			.list();
		if (credits.isEmpty()) {
			return 0;
		}
		Matcher matcher = matcher();
		Long[] episodes = new Long[credits.size()];
		Integer[] positions = new Integer[credits.size()];
		Long[] persons = new Long[credits.size()];
		for (int i = 0; i < credits.size(); i++) {
			Credit credit = credits.get(i);
			episodes[i] = credit.episodeId();
			positions[i] = credit.position();
			persons[i] = matcher.personFor(credit.name(), credit.nameKey(), credit.linkKey());
		}
		matcher.saveAliases();
		// One statement for all credits: the search index's statement trigger on
		// episode_person then runs once, not once per credit.
		this.jdbc
			.sql("""
					UPDATE episode_person p SET person_id = c.person
					FROM unnest(:episodes::bigint[], :positions::integer[], :persons::bigint[]) AS c(episode, position, person)
					WHERE p.episode_id = c.episode AND p.position = c.position
					""")
			.param("episodes", episodes)
			.param("positions", positions)
			.param("persons", persons)
			.update();
		return credits.size();
	}

	/**
	 * Stores the show's own credits (the channel's {@code podcast:person} tags) in place
	 * of the stored ones, each pointed at its person.
	 * @return whether they differ from the stored ones
	 */
	boolean replaceShowCredits(long showId, List<Person> persons) {
		List<Person> stored = this.jdbc
			.sql("SELECT name, role, person_group, image_url, href FROM show_person WHERE show_id = :showId"
					+ " ORDER BY position")
			.param("showId", showId)
			.query((row, i) -> new Person(row.getString("name"), row.getString("role"), row.getString("person_group"),
					row.getString("image_url"), row.getString("href")))
			.list();
		if (stored.equals(persons)) {
			return false;
		}
		List<Keys> keys = persons.stream().map((person) -> keys(person.name(), person.href())).toList();
		Map<String, Set<String>> namesByLink = new HashMap<>();
		for (Keys key : keys) {
			if (key.link() != null) {
				namesByLink.computeIfAbsent(key.link(), (link) -> new HashSet<>()).add(key.name());
			}
		}
		Matcher matcher = matcher();
		this.jdbc.sql("DELETE FROM show_person WHERE show_id = :showId").param("showId", showId).update();
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i);
			String link = keys.get(i).link();
			boolean shared = link != null && namesByLink.get(link).size() > 1;
			long id = matcher.personFor(person.name(), keys.get(i).name(), shared ? null : link);
			this.jdbc.sql("""
					INSERT INTO show_person (show_id, position, person_id, name, role, person_group, image_url, href)
					VALUES (:showId, :position, :person, :name, :role, :group, :imageUrl, :href)
					""")
				.param("showId", showId)
				.param("position", i)
				.param("person", id)
				.param("name", person.name())
				.param("role", person.role())
				.param("group", person.group())
				.param("imageUrl", person.imageUrl())
				.param("href", person.href())
				.update();
		}
		matcher.saveAliases();
		return true;
	}

	/**
	 * Takes the people's lock until the transaction ends; taking it again in the same
	 * transaction is free.
	 */
	void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", PEOPLE_LOCK).query((row) -> {
		});
	}

	/** The person's slug and name, if there is one with that id. */
	Optional<Named> find(long id) {
		return this.jdbc.sql("SELECT id, slug, name FROM person WHERE id = :id")
			.param("id", id)
			.query((row, i) -> new Named(row.getLong("id"), row.getString("slug"), row.getString("name")))
			.optional();
	}

	/** Who a name is matched to, if anyone. */
	Optional<Named> namedAs(String name) {
		return this.jdbc.sql("""
				SELECT p.id, p.slug, p.name FROM person_alias a JOIN person p ON p.id = a.person_id
				WHERE a.key = person_name_key(:name)
				""")
			.param("name", name)
			.query((row, i) -> new Named(row.getLong("id"), row.getString("slug"), row.getString("name")))
			.optional();
	}

	/**
	 * Gives the person a new name, and matches it to them from now on; the names they
	 * were matched on before still are, so the feed's spelling lands on them too.
	 */
	void rename(long id, String name) {
		this.jdbc.sql("UPDATE person SET name = :name, updated_at = now() WHERE id = :id")
			.param("id", id)
			.param("name", name)
			.update();
		this.jdbc
			.sql("INSERT INTO person_alias (key, person_id) VALUES (person_name_key(:name), :id)"
					+ " ON CONFLICT (key) DO NOTHING")
			.param("id", id)
			.param("name", name)
			.update();
	}

	/**
	 * Makes {@code merged} part of {@code kept}: their credits, the names and links they
	 * were matched on, and their page's address (which then leads to the kept person).
	 */
	void merge(long kept, long merged) {
		for (String sql : List.of("UPDATE person_alias SET person_id = :kept WHERE person_id = :merged",
				"UPDATE episode_person SET person_id = :kept WHERE person_id = :merged",
				"UPDATE show_person SET person_id = :kept WHERE person_id = :merged",
				"UPDATE person_former_slug SET person_id = :kept WHERE person_id = :merged",
				"INSERT INTO person_former_slug (slug, person_id) SELECT slug, :kept FROM person WHERE id = :merged",
				"DELETE FROM person WHERE id = :merged", "UPDATE person SET updated_at = now() WHERE id = :kept")) {
			this.jdbc.sql(sql).param("kept", kept).param("merged", merged).update();
		}
	}

	/** The keys the person is matched on: names first, then links. */
	List<String> keys(long id) {
		return this.jdbc.sql("SELECT key FROM person_alias WHERE person_id = :id ORDER BY key LIKE 'link:%', key")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private Keys keys(String name, @Nullable String href) {
		return this.jdbc.sql("SELECT person_name_key(:name) AS name_key, person_link_key(:href) AS link_key")
			.param("name", name)
			.param("href", href)
			.query((row, i) -> new Keys(row.getString("name_key"), row.getString("link_key")))
			.single();
	}

	/** Under the people's lock: every key known, every slug taken. */
	private Matcher matcher() {
		lock();
		Matcher matcher = new Matcher();
		this.jdbc.sql("SELECT key, person_id FROM person_alias").query((row) -> {
			matcher.known(row.getString("key"), row.getLong("person_id"));
		});
		matcher.slugs.addAll(this.jdbc.sql("SELECT slug FROM person UNION ALL SELECT slug FROM person_former_slug")
			.query(String.class)
			.list());
		return matcher;
	}

	private long insertPerson(String name, String slug) {
		return this.jdbc.sql("INSERT INTO person (slug, name) VALUES (:slug, :name) RETURNING id")
			.param("slug", slug)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** Finds or makes the person of each credit, by the rule above. */
	private final class Matcher {

		private final Map<String, Long> people = new HashMap<>();

		private final Set<Long> withLinks = new HashSet<>();

		private final Set<String> slugs = new HashSet<>();

		private final List<MapSqlParameterSource> newAliases = new ArrayList<>();

		void known(String key, long person) {
			this.people.put(key, person);
			if (key.startsWith(LINK)) {
				this.withLinks.add(person);
			}
		}

		long personFor(String name, String nameKey, @Nullable String linkKey) {
			Long linked = (linkKey != null) ? this.people.get(linkKey) : null;
			if (linked != null) {
				return linked;
			}
			Long named = this.people.get(nameKey);
			if (named != null && (linkKey == null || !this.withLinks.contains(named))) {
				if (linkKey != null) {
					alias(linkKey, named);
				}
				return named;
			}
			String slug = EpisodeSlugs.unique(name, "person", this.slugs);
			this.slugs.add(slug);
			long created = insertPerson(name, slug);
			if (named == null) {
				alias(nameKey, created);
			}
			if (linkKey != null) {
				alias(linkKey, created);
			}
			return created;
		}

		void saveAliases() {
			PeopleWriter.this.batch.batchUpdate("INSERT INTO person_alias (key, person_id) VALUES (:key, :person)",
					this.newAliases.toArray(MapSqlParameterSource[]::new));
			this.newAliases.clear();
		}

		private void alias(String key, long person) {
			known(key, person);
			this.newAliases.add(new MapSqlParameterSource().addValue("key", key).addValue("person", person));
		}

	}

	/** A person as the host's changes need them. */
	record Named(long id, String slug, String name) {
	}

	private record Credit(long episodeId, int position, String name, String nameKey, @Nullable String linkKey) {
	}

	private record Keys(String name, @Nullable String link) {
	}

}
