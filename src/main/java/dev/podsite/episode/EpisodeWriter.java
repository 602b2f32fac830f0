package dev.podsite.episode;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of the {@code episode} table and its lists (links, transcripts,
 * persons), for the import and for the host alike. Callers hold the transaction.
 */
@Component
class EpisodeWriter {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final TimelineWriter timelines;

	// The feed's values are stored data: their JSON must not follow the web's settings.
	private final JsonMapper json = JsonMapper.builder().build();

	EpisodeWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TimelineWriter timelines) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.timelines = timelines;
	}

	// The import's writes

	/** The show's episodes by identity, with what an import compares. */
	Map<String, StoredEpisode> storedByIdentity(long showId) {
		Map<String, StoredEpisode> stored = new HashMap<>();
		this.jdbc
			.sql("SELECT id, identity, slug, content_hash, hidden, published_at FROM episode"
					+ " WHERE show_id = :showId")
			.param("showId", showId)
			.query((row) -> {
				stored.put(row.getString("identity"),
						new StoredEpisode(row.getLong("id"), row.getString("slug"), row.getString("content_hash"),
								row.getBoolean("hidden"), row.getTimestamp("published_at").toInstant()));
			});
		return stored;
	}

	/** Every slug of the show's episodes. */
	Set<String> slugs(long showId) {
		return new HashSet<>(this.jdbc.sql("SELECT slug FROM episode WHERE show_id = :showId")
			.param("showId", showId)
			.query(String.class)
			.list());
	}

	/**
	 * Inserts items new to the site, each with its slug; all of them dated.
	 * @return the items not inserted because their slug was taken meanwhile (by an
	 * episode the host created during the import)
	 */
	Set<ImportedEpisode> insertFromFeed(long showId, Map<ImportedEpisode, String> slugs) {
		if (slugs.isEmpty()) {
			return Set.of();
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Map.Entry<ImportedEpisode, String> entry : slugs.entrySet()) {
			Map<String, @Nullable Object> row = feedColumns(entry.getKey());
			row.put("show_id", showId);
			row.put("identity", entry.getKey().identity());
			row.put("slug", entry.getValue());
			for (HostField field : HostField.values()) {
				field.putColumns(entry.getKey().content(), row);
			}
			rows.add(row);
		}
		String columns = String.join(", ", rows.get(0).keySet());
		String values = rows.get(0).keySet().stream().map(EpisodeWriter::parameter).collect(Collectors.joining(", "));
		this.batch.batchUpdate("INSERT INTO episode (" + columns + ") VALUES (" + values + ")"
				+ " ON CONFLICT ON CONSTRAINT episode_slug_unique DO NOTHING", sources(rows));
		// Asked, not read from the batch's counts: the driver writes the batch as
		// statements of many rows (reWriteBatchedInserts), which count no single row.
		Set<String> inserted = new HashSet<>(
				this.jdbc.sql("SELECT identity FROM episode WHERE show_id = :showId AND identity = ANY (:identities)")
					.param("showId", showId)
					.param("identities", slugs.keySet().stream().map(ImportedEpisode::identity).toArray(String[]::new))
					.query(String.class)
					.list());
		List<ImportedEpisode> items = List.copyOf(slugs.keySet());
		Set<ImportedEpisode> slugTaken = new HashSet<>();
		for (ImportedEpisode item : items) {
			if (!inserted.contains(item.identity())) {
				slugTaken.add(item);
			}
		}
		Map<ImportedEpisode, Set<HostField>> stored = new LinkedHashMap<>();
		items.stream()
			.filter((item) -> !slugTaken.contains(item))
			.forEach((item) -> stored.put(item, EnumSet.allOf(HostField.class)));
		replaceLists(showId, stored);
		return slugTaken;
	}

	/**
	 * Writes a new version of items already on the site: the feed's own columns, and of
	 * the host's fields those the host did not change. An item that had left the feed is
	 * back on the site. The rows stay locked until the import commits, so a host's edit
	 * waits for it, or it for the host's.
	 */
	void updateFromFeed(long showId, Map<ImportedEpisode, Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, Overrides> overrides = new HashMap<>();
		this.jdbc.sql("SELECT id, overrides FROM episode WHERE id = ANY (:ids) ORDER BY id FOR UPDATE")
			.param("ids", ids.values().toArray(Long[]::new))
			.query((row) -> {
				overrides.put(row.getLong("id"), new Overrides(strings(row.getArray("overrides"))));
			});
		// One statement per set of writable fields: nearly always one, with all fields.
		Map<Set<HostField>, List<Map<String, @Nullable Object>>> byColumns = new LinkedHashMap<>();
		Map<ImportedEpisode, Set<HostField>> writableLists = new LinkedHashMap<>();
		for (Map.Entry<ImportedEpisode, Long> entry : ids.entrySet()) {
			Overrides episodeOverrides = overrides.getOrDefault(entry.getValue(), Overrides.NONE);
			Set<HostField> writable = episodeOverrides.writableByImport();
			Map<String, @Nullable Object> row = feedColumns(entry.getKey());
			row.put("id", entry.getValue());
			for (HostField field : writable) {
				field.putColumns(entry.getKey().content(), row);
			}
			writableLists.put(entry.getKey(), writable);
			byColumns.computeIfAbsent(writable, (fields) -> new ArrayList<>()).add(row);
		}
		for (List<Map<String, @Nullable Object>> rows : byColumns.values()) {
			String assignments = rows.get(0)
				.keySet()
				.stream()
				.filter((column) -> !column.equals("id"))
				.map((column) -> column.equals("feed_values") ? column + " = :feed_values::jsonb"
						: column + " = :" + column)
				.collect(Collectors.joining(", "));
			this.batch.batchUpdate("UPDATE episode SET " + assignments
					+ ", hidden = false, hidden_at = NULL, updated_at = now() WHERE id = :id", sources(rows));
		}
		replaceLists(showId, writableLists);
	}

	/**
	 * Hides the imported episodes that left the feed, unless the host kept them on the
	 * site; the host's own episodes were never in it. Checked row by row as it is
	 * updated, so a host's "keep" that commits meanwhile holds.
	 */
	int hideMissing(long showId, Collection<String> presentIdentities) {
		return this.jdbc.sql("""
				UPDATE episode SET hidden = true, hidden_at = now()
				WHERE show_id = :showId AND origin = 'FEED' AND NOT hidden
					AND NOT (:keptOnSite = ANY (overrides)) AND NOT (identity = ANY (:present))
				""")
			.param("showId", showId)
			.param("keptOnSite", Overrides.KEPT_ON_SITE)
			.param("present", presentIdentities.toArray(String[]::new))
			.update();
	}

	/** Removes the episodes a feed brought, as when the real feed replaces the demo. */
	int deleteImported(long showId) {
		return this.jdbc.sql("DELETE FROM episode WHERE show_id = :showId AND origin = 'FEED'")
			.param("showId", showId)
			.update();
	}

	/** Episodes listeners can see, now or from their date. */
	int countListed() {
		return this.jdbc.sql("SELECT count(*) FROM episode WHERE listed").query(Integer.class).single();
	}

	// The host's writes

	/** A new episode of the host's; empty when another episode has the slug. */
	Optional<Long> insertByHost(long showId, EpisodeContent content, String slug, EpisodeStatus status, Instant now) {
		String guid = UUID.randomUUID().toString();
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("show_id", showId);
		row.put("identity", "host:" + guid);
		row.put("guid", guid);
		row.put("origin", EpisodeOrigin.HOST.name());
		row.put("status", status.name());
		row.put("slug", slug);
		row.put("content_hash", "");
		row.put("created_at", Timestamp.from(now));
		row.put("updated_at", Timestamp.from(now));
		for (HostField field : HostField.values()) {
			field.putColumns(content, row);
		}
		String columns = String.join(", ", row.keySet());
		String values = row.keySet().stream().map(EpisodeWriter::parameter).collect(Collectors.joining(", "));
		Optional<Long> id = this.jdbc
			.sql("INSERT INTO episode (" + columns + ") VALUES (" + values + ")"
					+ " ON CONFLICT ON CONSTRAINT episode_slug_unique DO NOTHING RETURNING id")
			.paramSource(new MapSqlParameterSource(row))
			.query(Long.class)
			.optional();
		id.ifPresent((created) -> {
			insertLinks(List.of(new EpisodeLinks(created, content.notes().links())));
			insertTranscripts(Map.of(created, content.transcripts()));
			insertPersons(Map.of(created, content.people()));
		});
		return id;
	}

	/** The episode, locked until the host's change commits: an import waits for it. */
	Optional<LockedEpisode> lock(long id) {
		return this.jdbc
			.sql("SELECT origin, status, slug, overrides, version, feed_values FROM episode WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((row, i) -> new LockedEpisode(id, EpisodeOrigin.valueOf(row.getString("origin")),
					EpisodeStatus.valueOf(row.getString("status")), row.getString("slug"),
					new Overrides(strings(row.getArray("overrides"))), row.getInt("version"),
					row.getString("feed_values")))
			.optional();
	}

	/**
	 * Writes {@code fields} of a locked episode from {@code content}, with its new
	 * overrides, slug and status, as one more version.
	 */
	void writeByHost(LockedEpisode episode, Collection<HostField> fields, EpisodeContent content, Overrides overrides,
			String slug, EpisodeStatus status, Instant now) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (HostField field : fields) {
			field.putColumns(content, row);
		}
		row.put("slug", slug);
		row.put("status", status.name());
		String assignments = row.keySet()
			.stream()
			.map((column) -> column + " = :" + column)
			.collect(Collectors.joining(", "));
		row.put("id", episode.id());
		row.put("overrides", overrides.toArray());
		row.put("now", Timestamp.from(now));
		this.jdbc
			.sql("UPDATE episode SET " + assignments
					+ ", overrides = :overrides, version = version + 1, updated_at = :now WHERE id = :id")
			.paramSource(new MapSqlParameterSource(row))
			.update();
		if (fields.contains(HostField.NOTES)) {
			this.jdbc.sql("DELETE FROM episode_link WHERE episode_id = :id").param("id", episode.id()).update();
			insertLinks(List.of(new EpisodeLinks(episode.id(), content.notes().links())));
		}
		if (fields.contains(HostField.TRANSCRIPTS)) {
			this.jdbc.sql("DELETE FROM episode_transcript WHERE episode_id = :id").param("id", episode.id()).update();
			insertTranscripts(Map.of(episode.id(), content.transcripts()));
		}
		if (fields.contains(HostField.PEOPLE)) {
			// The caller links the new credits to their people (PeopleWriter).
			this.jdbc.sql("DELETE FROM episode_person WHERE episode_id = :id").param("id", episode.id()).update();
			insertPersons(Map.of(episode.id(), content.people()));
		}
	}

	/** Who the episode credits now, in order. */
	List<Person> persons(long id) {
		return this.jdbc
			.sql("SELECT name, role, person_group, image_url, href FROM episode_person WHERE episode_id = :id"
					+ " ORDER BY position")
			.param("id", id)
			.query((row, i) -> new Person(row.getString("name"), row.getString("role"), row.getString("person_group"),
					row.getString("image_url"), row.getString("href")))
			.list();
	}

	/**
	 * The addresses of the files the episode points to: its chapters file, its
	 * transcripts.
	 */
	Set<String> fileUrls(long id) {
		Set<String> urls = new HashSet<>(this.jdbc
			.sql("SELECT chapters_url FROM episode WHERE id = :id AND chapters_url IS NOT NULL"
					+ " UNION ALL SELECT url FROM episode_transcript WHERE episode_id = :id")
			.param("id", id)
			.query(String.class)
			.list());
		return urls;
	}

	/** Points the episode at files' new addresses, where it pointed at their old ones. */
	void moveFileUrls(long id, Map<String, String> newByOld) {
		newByOld.forEach((old, moved) -> {
			this.jdbc.sql("UPDATE episode SET chapters_url = :moved WHERE id = :id AND chapters_url = :old")
				.param("id", id)
				.param("old", old)
				.param("moved", moved)
				.update();
			this.jdbc.sql("UPDATE episode_transcript SET url = :moved WHERE episode_id = :id AND url = :old")
				.param("id", id)
				.param("old", old)
				.param("moved", moved)
				.update();
		});
	}

	/** The feed's latest values of the host's fields, kept for "revert to the feed's". */
	Optional<EpisodeContent> feedValues(LockedEpisode episode) {
		return Optional.ofNullable(episode.feedValues()).map((text) -> this.json.readValue(text, EpisodeContent.class));
	}

	void setDeleted(long id, @Nullable Instant deletedAt, Instant now) {
		this.jdbc
			.sql("UPDATE episode SET deleted_at = :deletedAt, version = version + 1, updated_at = :now"
					+ " WHERE id = :id")
			.param("id", id)
			.param("deletedAt", (deletedAt != null) ? Timestamp.from(deletedAt) : null)
			.param("now", Timestamp.from(now))
			.update();
	}

	void keepOnSite(LockedEpisode episode, Instant now) {
		this.jdbc
			.sql("UPDATE episode SET hidden = false, hidden_at = NULL, overrides = :overrides,"
					+ " version = version + 1, updated_at = :now WHERE id = :id")
			.param("id", episode.id())
			.param("overrides", episode.overrides().keptOnSite().toArray())
			.param("now", Timestamp.from(now))
			.update();
	}

	// Shared

	private Map<String, @Nullable Object> feedColumns(ImportedEpisode episode) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("guid", episode.guid());
		row.put("guid_permalink", episode.guidPermalink());
		row.put("link", episode.link());
		row.put("image_url", episode.imageUrl());
		row.put("content_hash", episode.contentHash());
		row.put("foreign_markup", episode.foreignMarkup());
		row.put("feed_values", this.json.writeValueAsString(episode.content()));
		return row;
	}

	/**
	 * Replaces the lists of imported episodes: the chapters inside the items always, and
	 * the rows of the host's fields the import may write (the notes' links, transcripts,
	 * people).
	 */
	private void replaceLists(long showId, Map<ImportedEpisode, Set<HostField>> writable) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT id, identity FROM episode WHERE show_id = :showId AND identity = ANY (:identities)")
			.param("showId", showId)
			.param("identities", writable.keySet().stream().map(ImportedEpisode::identity).toArray(String[]::new))
			.query((row) -> {
				ids.put(row.getString("identity"), row.getLong("id"));
			});
		List<EpisodeLinks> links = new ArrayList<>();
		Map<Long, List<Transcript>> transcripts = new LinkedHashMap<>();
		Map<Long, List<Person>> persons = new LinkedHashMap<>();
		Map<Long, List<Chapter>> chapters = new HashMap<>();
		writable.forEach((episode, fields) -> {
			long id = ids.get(episode.identity());
			chapters.put(id, episode.chapters());
			if (fields.contains(HostField.NOTES)) {
				links.add(new EpisodeLinks(id, episode.content().notes().links()));
			}
			if (fields.contains(HostField.TRANSCRIPTS)) {
				transcripts.put(id, episode.content().transcripts());
			}
			if (fields.contains(HostField.PEOPLE)) {
				persons.put(id, episode.content().people());
			}
		});
		Long[] withLinks = links.stream().map(EpisodeLinks::episodeId).toArray(Long[]::new);
		this.jdbc.sql("DELETE FROM episode_link WHERE episode_id = ANY (:ids)").param("ids", withLinks).update();
		this.jdbc.sql("DELETE FROM episode_transcript WHERE episode_id = ANY (:ids)")
			.param("ids", transcripts.keySet().toArray(Long[]::new))
			.update();
		this.jdbc.sql("DELETE FROM episode_person WHERE episode_id = ANY (:ids)")
			.param("ids", persons.keySet().toArray(Long[]::new))
			.update();
		insertLinks(links);
		insertTranscripts(transcripts);
		insertPersons(persons);
		this.timelines.replaceFeedChapters(chapters);
	}

	private void insertTranscripts(Map<Long, List<Transcript>> byEpisode) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		byEpisode.forEach((id, transcripts) -> {
			for (int i = 0; i < transcripts.size(); i++) {
				Transcript t = transcripts.get(i);
				rows.add(row("episode_id", id, "position", i, "url", t.url(), "type", t.type(), "language",
						t.language(), "rel", t.rel()));
			}
		});
		this.batch.batchUpdate("INSERT INTO episode_transcript (episode_id, position, url, type, language, rel)"
				+ " VALUES (:episode_id, :position, :url, :type, :language, :rel)", sources(rows));
	}

	/** Credits that point at no one yet: PeopleWriter links them. */
	private void insertPersons(Map<Long, List<Person>> byEpisode) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		byEpisode.forEach((id, persons) -> {
			for (int i = 0; i < persons.size(); i++) {
				Person p = persons.get(i);
				rows.add(row("episode_id", id, "position", i, "name", p.name(), "role", p.role(), "person_group",
						p.group(), "image_url", p.imageUrl(), "href", p.href()));
			}
		});
		this.batch.batchUpdate(
				"INSERT INTO episode_person (episode_id, position, name, role, person_group, image_url,"
						+ " href) VALUES (:episode_id, :position, :name, :role, :person_group, :image_url, :href)",
				sources(rows));
	}

	private void insertLinks(List<EpisodeLinks> episodes) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (EpisodeLinks episode : episodes) {
			for (int i = 0; i < episode.links().size(); i++) {
				EpisodeLink link = episode.links().get(i);
				rows.add(row("episode_id", episode.episodeId(), "position", i, "text", link.text(), "url", link.url()));
			}
		}
		this.batch.batchUpdate("INSERT INTO episode_link (episode_id, position, text, url)"
				+ " VALUES (:episode_id, :position, :text, :url)", sources(rows));
	}

	private static String parameter(String column) {
		return column.equals("feed_values") ? ":feed_values::jsonb" : ":" + column;
	}

	private static Map<String, @Nullable Object> row(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			row.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return row;
	}

	private static MapSqlParameterSource[] sources(List<Map<String, @Nullable Object>> rows) {
		return rows.stream().map(MapSqlParameterSource::new).toArray(MapSqlParameterSource[]::new);
	}

	private static List<String> strings(@Nullable Array array) {
		try {
			return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read an array column", ex);
		}
	}

	/** What an import compares of a stored episode. */
	record StoredEpisode(long id, String slug, String contentHash, boolean hidden, Instant publishedAt) {
	}

	/** An episode locked for the host's change, with what the change needs. */
	record LockedEpisode(long id, EpisodeOrigin origin, EpisodeStatus status, String slug, Overrides overrides,
			int version, @Nullable String feedValues) {
	}

	private record EpisodeLinks(long episodeId, List<EpisodeLink> links) {
	}

}
