package dev.podsite.feedimport;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.podsite.episode.EpisodeFields;
import dev.podsite.episode.EpisodeLink;
import dev.podsite.episode.EpisodeSlugs;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.feedimport.ImportedFeed.ImportedEpisode;
import dev.podsite.feedimport.ImportedFeed.ImportedShow;
import dev.podsite.show.Funding;
import dev.podsite.show.ShowCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an imported feed in a few batched statements: one upsert of the show, one of the
 * new and changed episodes, their links, transcripts and persons, and one update that
 * hides what left the feed. Runs inside the caller's transaction.
 */
@Component
class FeedStore {

	private static final Logger log = LoggerFactory.getLogger(FeedStore.class);

	// Fields the host overrode keep the host's value; the feed's goes to feed_values, for
	// "revert to feed". Imports do not bump the version: it guards the host's edits.
	private static final String UPSERT_EPISODE = """
			INSERT INTO episode (show_id, identity, guid, guid_permalink, slug, title, link, published_at,
				duration_seconds, audio_url, audio_length, audio_type, season, episode_number, episode_type,
				explicit, image_url, chapters_url, chapters_type, notes_html, summary, content_hash, feed_values)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
			ON CONFLICT (show_id, identity) DO UPDATE SET
				guid = excluded.guid, guid_permalink = excluded.guid_permalink, link = excluded.link,
				image_url = excluded.image_url, chapters_url = excluded.chapters_url,
				chapters_type = excluded.chapters_type, content_hash = excluded.content_hash,
				feed_values = excluded.feed_values, hidden = false, hidden_at = NULL, updated_at = now(),
				%s
			""".formatted(String.join(",\n\t\t\t\t", keepOverridden(EpisodeFields.TITLE, "title"),
			keepOverridden(EpisodeFields.NOTES, "notes_html", "summary"),
			keepOverridden(EpisodeFields.AUDIO_URL, "audio_url"),
			keepOverridden(EpisodeFields.AUDIO_LENGTH, "audio_length"),
			keepOverridden(EpisodeFields.AUDIO_TYPE, "audio_type"),
			keepOverridden(EpisodeFields.DURATION, "duration_seconds"),
			keepOverridden(EpisodeFields.PUBLISHED_AT, "published_at"), keepOverridden(EpisodeFields.SEASON, "season"),
			keepOverridden(EpisodeFields.EPISODE_NUMBER, "episode_number"),
			keepOverridden(EpisodeFields.EPISODE_TYPE, "episode_type"),
			keepOverridden(EpisodeFields.EXPLICIT, "explicit")));

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	FeedStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static String keepOverridden(String field, String... columns) {
		return Arrays.stream(columns)
			.map((column) -> column + " = CASE WHEN '" + field + "' = ANY (episode.overrides) THEN episode." + column
					+ " ELSE excluded." + column + " END")
			.collect(Collectors.joining(", "));
	}

	/** Whether the site shows the real feed's show, not the demo snapshot. */
	boolean hasRealShow() {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM show WHERE NOT demo)", Boolean.class));
	}

	boolean hasShow() {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM show)", Boolean.class));
	}

	/**
	 * Refuses a feed that lists no items while episodes are published: a hosting glitch
	 * would otherwise empty the public site.
	 */
	void refuseToEmptyTheSite(ImportedFeed feed) throws FeedImportException {
		if (!feed.episodes().isEmpty()) {
			return;
		}
		int published = this.jdbc.queryForObject("SELECT count(*) FROM episode WHERE NOT hidden", Integer.class);
		if (published > 0) {
			throw new FeedImportException("The feed lists no episodes while " + published
					+ ((published == 1) ? " is" : " are") + " published; nothing was hidden, as this is more likely"
					+ " a fault of the feed's host.");
		}
	}

	ImportCounts write(ImportedFeed feed, String feedUrl, boolean demo, Instant importedAt) {
		// PostgreSQL keeps microseconds: with nanoseconds, the content hash of an
		// undated item would differ from the stored one at every later import.
		Instant now = importedAt.truncatedTo(ChronoUnit.MICROS);
		StoredShow storedShow = upsertShow(feed.show(), feedUrl, demo);
		long showId = storedShow.id();
		Map<String, StoredEpisode> stored = storedEpisodes(showId);
		Set<String> slugs = new HashSet<>();
		stored.values().forEach((episode) -> slugs.add(episode.slug()));

		List<ImportedEpisode> changed = new ArrayList<>();
		List<String> slugsOfChanged = new ArrayList<>();
		int created = 0;
		int unchanged = 0;
		for (ImportedEpisode episode : feed.episodes()) {
			StoredEpisode existing = stored.get(episode.identity());
			ImportedEpisode dated = (episode.publishedAt() != null) ? episode
					: episode.withPublishedAt((existing != null) ? existing.publishedAt() : now);
			if (existing == null) {
				String slug = EpisodeSlugs.unique(dated.title(), slugs);
				slugs.add(slug);
				slugsOfChanged.add(slug);
				changed.add(dated);
				created++;
			}
			else if (existing.hidden() || !existing.contentHash().equals(dated.contentHash())) {
				// The slug stays: renaming an episode in the source keeps its URL.
				slugsOfChanged.add(existing.slug());
				changed.add(dated);
			}
			else {
				unchanged++;
			}
		}
		upsertEpisodes(showId, changed, slugsOfChanged);
		replaceChildren(showId, changed);
		int hidden = hideMissing(showId, feed.episodes());
		return new ImportCounts(created, changed.size() - created, unchanged, hidden, storedShow.changed());
	}

	/** The show's row, written only when something of it changed. */
	private StoredShow upsertShow(ImportedShow show, String feedUrl, boolean demo) {
		List<Map<String, Object>> existing = this.jdbc
			.queryForList("SELECT id, demo, content_hash FROM show ORDER BY id LIMIT 1 FOR UPDATE");
		String hash = EpisodeIdentity.sha256(show.contentHash() + "\u0001" + feedUrl + "\u0001" + demo);
		Object[] values = { feedUrl, demo, show.title(), show.link(), show.descriptionHtml(), show.author(),
				show.ownerName(), show.ownerEmail(), show.imageUrl(), show.language(), show.copyright(),
				show.explicit(), show.type(), show.podcastGuid(), show.locked(), show.lockedOwner(), hash };
		long showId;
		if (existing.isEmpty()) {
			showId = this.jdbc.queryForObject("""
					INSERT INTO show (feed_url, demo, title, link, description_html, author, owner_name, owner_email,
						image_url, language, copyright, explicit, show_type, podcast_guid, locked, locked_owner,
						content_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
					""", Long.class, values);
		}
		else {
			showId = ((Number) existing.get(0).get("id")).longValue();
			if (hash.equals(existing.get(0).get("content_hash"))) {
				return new StoredShow(showId, false);
			}
			boolean wasDemo = (Boolean) existing.get(0).get("demo");
			if (wasDemo && !demo) {
				int removed = this.jdbc.update("DELETE FROM episode WHERE show_id = ? AND origin = 'FEED'", showId);
				log.info("The real feed replaces the demo snapshot: removed its {} demo episodes", removed);
			}
			Object[] withId = Arrays.copyOf(values, values.length + 1);
			withId[values.length] = showId;
			this.jdbc.update("""
					UPDATE show SET feed_url = ?, demo = ?, title = ?, link = ?, description_html = ?, author = ?,
						owner_name = ?, owner_email = ?, image_url = ?, language = ?, copyright = ?, explicit = ?,
						show_type = ?, podcast_guid = ?, locked = ?, locked_owner = ?, content_hash = ?,
						updated_at = now()
					WHERE id = ?
					""", withId);
			this.jdbc.update("DELETE FROM show_category WHERE show_id = ?", showId);
			this.jdbc.update("DELETE FROM show_funding WHERE show_id = ?", showId);
		}
		List<ShowCategory> categories = show.categories();
		this.jdbc.batchUpdate("INSERT INTO show_category (show_id, position, name, parent) VALUES (?, ?, ?, ?)",
				indexed(categories, (category, i) -> new Object[] { showId, i, category.name(), category.parent() }));
		List<Funding> fundings = show.fundings();
		this.jdbc.batchUpdate("INSERT INTO show_funding (show_id, position, url, label) VALUES (?, ?, ?, ?)",
				indexed(fundings, (funding, i) -> new Object[] { showId, i, funding.url(), funding.label() }));
		return new StoredShow(showId, true);
	}

	private Map<String, StoredEpisode> storedEpisodes(long showId) {
		Map<String, StoredEpisode> stored = new HashMap<>();
		this.jdbc.query("SELECT id, identity, slug, content_hash, hidden, published_at FROM episode WHERE show_id = ?",
				(row) -> {
					stored.put(row.getString("identity"),
							new StoredEpisode(row.getLong("id"), row.getString("slug"), row.getString("content_hash"),
									row.getBoolean("hidden"), row.getTimestamp("published_at").toInstant()));
				}, showId);
		return stored;
	}

	private void upsertEpisodes(long showId, List<ImportedEpisode> episodes, List<String> slugs) {
		List<Object[]> rows = new ArrayList<>(episodes.size());
		for (int i = 0; i < episodes.size(); i++) {
			ImportedEpisode e = episodes.get(i);
			rows.add(new Object[] { showId, e.identity(), e.guid(), e.guidPermalink(), slugs.get(i), e.title(),
					e.link(), Timestamp.from(e.publishedAt()), e.durationSeconds(), e.audioUrl(), e.audioLength(),
					e.audioType(), e.season(), e.episodeNumber(), e.episodeType(), e.explicit(), e.imageUrl(),
					e.chaptersUrl(), e.chaptersType(), e.notesHtml(), e.summary(), e.contentHash(), feedValues(e) });
		}
		this.jdbc.batchUpdate(UPSERT_EPISODE, rows);
	}

	/**
	 * The feed's values of the fields a host can override, keyed as EpisodeFields names
	 * them.
	 */
	private String feedValues(ImportedEpisode e) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(EpisodeFields.TITLE, e.title());
		values.put("notesHtml", e.notesHtml());
		values.put("summary", e.summary());
		values.put("links", e.links());
		values.put(EpisodeFields.AUDIO_URL, e.audioUrl());
		values.put(EpisodeFields.AUDIO_LENGTH, e.audioLength());
		values.put(EpisodeFields.AUDIO_TYPE, e.audioType());
		values.put(EpisodeFields.DURATION, e.durationSeconds());
		values.put(EpisodeFields.PUBLISHED_AT, e.publishedAt().toString());
		values.put(EpisodeFields.SEASON, e.season());
		values.put(EpisodeFields.EPISODE_NUMBER, e.episodeNumber());
		values.put(EpisodeFields.EPISODE_TYPE, e.episodeType());
		values.put(EpisodeFields.EXPLICIT, e.explicit());
		return this.json.writeValueAsString(values);
	}

	private void replaceChildren(long showId, List<ImportedEpisode> episodes) {
		if (episodes.isEmpty()) {
			return;
		}
		String[] identities = episodes.stream().map(ImportedEpisode::identity).toArray(String[]::new);
		// The rows are locked by this import's upsert: their overrides cannot change now.
		Map<String, Long> ids = new HashMap<>();
		Set<Long> hostNotes = new HashSet<>();
		this.jdbc.query("SELECT id, identity, ? = ANY (overrides) AS host_notes FROM episode"
				+ " WHERE show_id = ? AND identity = ANY (?)", (row) -> {
					ids.put(row.getString("identity"), row.getLong("id"));
					if (row.getBoolean("host_notes")) {
						hostNotes.add(row.getLong("id"));
					}
				}, EpisodeFields.NOTES, showId, identities);
		Long[] episodeIds = ids.values().toArray(Long[]::new);
		Long[] feedNotes = ids.values().stream().filter((id) -> !hostNotes.contains(id)).toArray(Long[]::new);
		// The links are those of the notes: the host's notes keep the host's links.
		this.jdbc.update("DELETE FROM episode_link WHERE episode_id = ANY (?)", (Object) feedNotes);
		for (String table : new String[] { "episode_transcript", "episode_person" }) {
			this.jdbc.update("DELETE FROM " + table + " WHERE episode_id = ANY (?)", (Object) episodeIds);
		}
		List<Object[]> links = new ArrayList<>();
		List<Object[]> transcripts = new ArrayList<>();
		List<Object[]> persons = new ArrayList<>();
		for (ImportedEpisode episode : episodes) {
			long id = ids.get(episode.identity());
			if (!hostNotes.contains(id)) {
				links.addAll(
						indexed(episode.links(), (EpisodeLink l, int i) -> new Object[] { id, i, l.text(), l.url() }));
			}
			transcripts.addAll(indexed(episode.transcripts(),
					(Transcript t, int i) -> new Object[] { id, i, t.url(), t.type(), t.language(), t.rel() }));
			persons.addAll(indexed(episode.persons(), (Person p,
					int i) -> new Object[] { id, i, p.name(), p.role(), p.group(), p.imageUrl(), p.href() }));
		}
		this.jdbc.batchUpdate("INSERT INTO episode_link (episode_id, position, text, url) VALUES (?, ?, ?, ?)", links);
		this.jdbc.batchUpdate("INSERT INTO episode_transcript (episode_id, position, url, type, language, rel)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", transcripts);
		this.jdbc.batchUpdate("INSERT INTO episode_person (episode_id, position, name, role, person_group,"
				+ " image_url, href) VALUES (?, ?, ?, ?, ?, ?, ?)", persons);
	}

	/**
	 * Items that left the feed are kept, hidden from the public site, unless the host
	 * chose to keep them there. The host's own episodes were never in the feed.
	 */
	private int hideMissing(long showId, List<ImportedEpisode> episodes) {
		String[] present = episodes.stream().map(ImportedEpisode::identity).toArray(String[]::new);
		return this.jdbc.update("UPDATE episode SET hidden = true, hidden_at = now() WHERE show_id = ?"
				+ " AND origin = 'FEED' AND NOT hidden AND NOT (? = ANY (overrides)) AND NOT (identity = ANY (?))",
				showId, EpisodeFields.VISIBILITY, present);
	}

	private static <T> List<Object[]> indexed(List<T> items, Row<T> row) {
		List<Object[]> rows = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			rows.add(row.values(items.get(i), i));
		}
		return rows;
	}

	private interface Row<T> {

		Object[] values(T item, int index);

	}

	private record StoredShow(long id, boolean changed) {
	}

	private record StoredEpisode(long id, String slug, String contentHash, boolean hidden, Instant publishedAt) {
	}

}
