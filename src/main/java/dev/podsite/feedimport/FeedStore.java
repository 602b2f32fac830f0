package dev.podsite.feedimport;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private static final String UPSERT_EPISODE = """
			INSERT INTO episode (show_id, identity, guid, guid_permalink, slug, title, link, published_at,
				duration_seconds, audio_url, audio_length, audio_type, season, episode_number, episode_type,
				explicit, image_url, chapters_url, chapters_type, notes_html, summary, content_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (show_id, identity) DO UPDATE SET
				guid = excluded.guid, guid_permalink = excluded.guid_permalink, title = excluded.title,
				link = excluded.link, published_at = excluded.published_at,
				duration_seconds = excluded.duration_seconds, audio_url = excluded.audio_url,
				audio_length = excluded.audio_length, audio_type = excluded.audio_type, season = excluded.season,
				episode_number = excluded.episode_number, episode_type = excluded.episode_type,
				explicit = excluded.explicit, image_url = excluded.image_url,
				chapters_url = excluded.chapters_url, chapters_type = excluded.chapters_type,
				notes_html = excluded.notes_html, summary = excluded.summary,
				content_hash = excluded.content_hash, hidden = false, hidden_at = NULL,
				version = episode.version + 1, updated_at = now()
			""";

	private final JdbcTemplate jdbc;

	FeedStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
		long showId = upsertShow(feed.show(), feedUrl, demo);
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
		return new ImportCounts(created, changed.size() - created, unchanged, hidden);
	}

	private long upsertShow(ImportedShow show, String feedUrl, boolean demo) {
		List<Map<String, Object>> existing = this.jdbc
			.queryForList("SELECT id, demo FROM show ORDER BY id LIMIT 1 FOR UPDATE");
		Object[] values = { feedUrl, demo, show.title(), show.link(), show.descriptionHtml(), show.author(),
				show.ownerName(), show.ownerEmail(), show.imageUrl(), show.language(), show.copyright(),
				show.explicit(), show.type(), show.podcastGuid(), show.locked(), show.lockedOwner() };
		long showId;
		if (existing.isEmpty()) {
			showId = this.jdbc.queryForObject("""
					INSERT INTO show (feed_url, demo, title, link, description_html, author, owner_name, owner_email,
						image_url, language, copyright, explicit, show_type, podcast_guid, locked, locked_owner)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
					""", Long.class, values);
		}
		else {
			showId = ((Number) existing.get(0).get("id")).longValue();
			boolean wasDemo = (Boolean) existing.get(0).get("demo");
			if (wasDemo && !demo) {
				int removed = this.jdbc.update("DELETE FROM episode WHERE show_id = ?", showId);
				log.info("The real feed replaces the demo snapshot: removed its {} demo episodes", removed);
			}
			Object[] withId = java.util.Arrays.copyOf(values, values.length + 1);
			withId[values.length] = showId;
			this.jdbc.update("""
					UPDATE show SET feed_url = ?, demo = ?, title = ?, link = ?, description_html = ?, author = ?,
						owner_name = ?, owner_email = ?, image_url = ?, language = ?, copyright = ?, explicit = ?,
						show_type = ?, podcast_guid = ?, locked = ?, locked_owner = ?, updated_at = now()
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
		return showId;
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
					e.chaptersUrl(), e.chaptersType(), e.notesHtml(), e.summary(), e.contentHash() });
		}
		this.jdbc.batchUpdate(UPSERT_EPISODE, rows);
	}

	private void replaceChildren(long showId, List<ImportedEpisode> episodes) {
		if (episodes.isEmpty()) {
			return;
		}
		String[] identities = episodes.stream().map(ImportedEpisode::identity).toArray(String[]::new);
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.query("SELECT id, identity FROM episode WHERE show_id = ? AND identity = ANY (?)", (row) -> {
			ids.put(row.getString("identity"), row.getLong("id"));
		}, showId, identities);
		Long[] episodeIds = ids.values().toArray(Long[]::new);
		for (String table : new String[] { "episode_link", "episode_transcript", "episode_person" }) {
			this.jdbc.update("DELETE FROM " + table + " WHERE episode_id = ANY (?)", (Object) episodeIds);
		}
		List<Object[]> links = new ArrayList<>();
		List<Object[]> transcripts = new ArrayList<>();
		List<Object[]> persons = new ArrayList<>();
		for (ImportedEpisode episode : episodes) {
			long id = ids.get(episode.identity());
			links.addAll(indexed(episode.links(), (EpisodeLink l, int i) -> new Object[] { id, i, l.text(), l.url() }));
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

	/** Items that left the feed are kept, hidden from the public site. */
	private int hideMissing(long showId, List<ImportedEpisode> episodes) {
		String[] present = episodes.stream().map(ImportedEpisode::identity).toArray(String[]::new);
		return this.jdbc.update("UPDATE episode SET hidden = true, hidden_at = now(), version = version + 1"
				+ " WHERE show_id = ? AND NOT hidden AND NOT (identity = ANY (?))", showId, present);
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

	private record StoredEpisode(long id, String slug, String contentHash, boolean hidden, Instant publishedAt) {
	}

}
