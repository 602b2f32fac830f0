package dev.podsite.search;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the published episodes, in the tables V11 keeps: every match ranked in one
 * query (through the GIN index of {@code episode_search.content}), a page's snippets and
 * moments in a second, and, when nothing matched, the nearest titles and names in a
 * third. {@link KeptSearches} keeps what they answer until the site changes.
 */
@Repository
@Transactional(readOnly = true)
class EpisodeSearch {

	static final int PAGE_SIZE = 10;

	/**
	 * The search as PostgreSQL reads it, with the show's configuration: {@code precise},
	 * as typed; {@code loose}, its phrases loosened to AND, which the episode's vector of
	 * all its words (transcript words kept without positions) can answer.
	 */
	private static final String QUERY = """
			WITH configuration AS MATERIALIZED (
				SELECT coalesce((SELECT search_configuration(s.language) FROM show s ORDER BY s.id LIMIT 1),
					search_configuration(NULL)) AS config
			), precise AS MATERIALIZED (
				SELECT c.config, websearch_to_tsquery(c.config, search_text(:text)) AS precise FROM configuration c
			), query AS MATERIALIZED (
				SELECT p.config, p.precise, tsquery_without_phrases(p.precise) AS loose,
					strpos(p.precise::text, '<') > 0 AS phrased
				FROM precise p
			)
			""";

	/**
	 * Whether the search has a word to look for (not only operators or stop words), and
	 * the ids of every published episode it finds, in order: ranked by the title, people
	 * and chapters, notes and links (weights A, B, C); episodes found by their transcript
	 * alone come after, newest first. A phrase must be said as such in the document or in
	 * one transcript window.
	 */
	private static final String RANKED = QUERY
			+ """
					, phrase_heard AS MATERIALIZED (
						-- Once, through the windows' GIN index: correlated per episode, it would scan
						-- every window of every candidate.
						SELECT DISTINCT w.episode_id FROM query q JOIN episode_transcript_window w ON w.search @@ q.precise
						WHERE q.phrased AND numnode(q.precise) > 0
					)
					SELECT (SELECT numnode(q.precise) > 0 FROM query q) AS has_words, ARRAY(
						-- The episode's listing as V19 keeps it with its row: no episode read.
						SELECT s.episode_id
						FROM query q JOIN episode_search s ON s.content @@ q.loose
						WHERE numnode(q.precise) > 0 AND s.listed AND s.published_at <= :now
							AND (NOT q.phrased OR s.document @@ q.precise OR s.episode_id IN (SELECT episode_id FROM phrase_heard))
						ORDER BY ts_rank(s.document, q.loose) DESC, s.published_at DESC, s.episode_id DESC
					) AS ids
					""";

	/**
	 * For each episode of a page: its title and notes (with the texts of their links, as
	 * V17 keeps them) highlighted, the first chapter whose title matches, and the
	 * transcript window that matches best, pointing to its first cue that says a word
	 * searched.
	 */
	private static final String HITS = QUERY + """
			SELECT e.id, e.slug, e.published_at,
				ts_headline(q.config, search_text(e.title), q.precise, :whole) AS title,
				-- The notes' own words: the document's weight C.
				CASE WHEN ts_filter(s.document, '{c}') @@ q.loose
					THEN ts_headline(q.config, s.notes, q.precise, :fragments) END AS notes,
				c.start_seconds AS chapter_at, c.title AS chapter,
				coalesce(cue.start_seconds, w.start_seconds) AS transcript_at, w.text AS transcript
			FROM query q
				JOIN episode e ON e.id IN (:ids)
				JOIN episode_search s ON s.episode_id = e.id
				LEFT JOIN LATERAL (
					SELECT c.start_seconds, ts_headline(q.config, search_text(c.title), q.precise, :whole) AS title
					FROM episode_chapter c
					WHERE c.episode_id = e.id
						AND c.source = (SELECT max(source) FROM episode_chapter WHERE episode_id = e.id)
						AND to_tsvector(q.config, search_text(c.title)) @@ q.precise
					ORDER BY c.position LIMIT 1
				) c ON true
				LEFT JOIN LATERAL (
					SELECT w.start_seconds, w.first_cue, w.end_cue,
						ts_headline(q.config, w.text, q.precise, :fragments) AS text
					FROM episode_transcript_window w
					-- The function, not its operator: an episode has a few hundred windows at
					-- most, while the GIN index would list every window of the show that says a
					-- common word, for each episode of the page.
					WHERE w.episode_id = e.id AND ts_match_vq(w.search, q.precise)
					ORDER BY ts_rank(w.search, q.precise) DESC, w.number LIMIT 1
				) w ON true
				LEFT JOIN LATERAL (
					SELECT cue.start_seconds
					FROM episode_transcript_cue cue
					WHERE cue.episode_id = e.id AND cue.position >= w.first_cue AND cue.position < w.end_cue
						AND to_tsvector(q.config, search_text(cue.text)) @@ tsquery_any_word(q.precise)
					ORDER BY cue.position LIMIT 1
				) cue ON true
			""";

	/**
	 * The titles of published episodes and the names of people they credit that are
	 * nearest the words searched, by trigrams (pg_trgm), through their GIN indexes.
	 */
	private static final String SUGGESTIONS = """
			SELECT suggestion FROM (
				SELECT e.title AS suggestion, word_similarity(search_folded(:text), search_folded(e.title)) AS similarity
				FROM episode e
				WHERE e.listed AND e.published_at <= :now AND search_folded(:text) <% search_folded(e.title)
				UNION
				SELECT p.name, word_similarity(search_folded(:text), search_folded(p.name))
				FROM person p
				WHERE search_folded(:text) <% search_folded(p.name) AND EXISTS (
					SELECT 1 FROM episode_person c JOIN episode e ON e.id = c.episode_id
					WHERE c.person_id = p.id AND e.listed AND e.published_at <= :now)
			) nearest
			ORDER BY similarity DESC, suggestion LIMIT 3
			""";

	private static final String WHOLE = Highlights.MARKS + ", HighlightAll=true";

	private static final String FRAGMENTS = Highlights.MARKS + ", MaxWords=30, MinWords=12, MaxFragments=2,"
			+ " FragmentDelimiter=\" … \"";

	private final JdbcClient jdbc;

	private final Clock clock;

	EpisodeSearch(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Page {@code page} (0-based) of the published episodes that match {@code text}. */
	SearchResults search(String text, int page) {
		return page(rank(text), page);
	}

	/** Whether the text has words to search, and the episodes it finds, in order. */
	Ranking rank(String text) {
		Instant now = this.clock.instant();
		// Through the GIN index always: the planner prices reading every row as cheap
		// when the index has entries pending or the word is in most episodes, but each
		// row's vector of all its transcript's words is read whole (200 ms for 2,000
		// episodes, against 8 ms through the index).
		this.jdbc.sql("SELECT set_config('enable_seqscan', 'off', true)").query().singleValue();
		return this.jdbc.sql(RANKED)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Ranking(text, now, rs.getBoolean("has_words"),
					ids((Long[]) rs.getArray("ids").getArray())))
			.single();
	}

	/** Page {@code page} (0-based) of a ranking: its hits, or what was meant. */
	SearchResults page(Ranking ranking, int page) {
		if (!ranking.hasWords()) {
			return SearchResults.noWords();
		}
		long total = ranking.ids().length;
		if (total == 0) {
			return new SearchResults(List.of(), 0, true, suggestions(ranking.text(), ranking.at()));
		}
		int from = (int) Math.min((long) page * PAGE_SIZE, total);
		int to = (int) Math.min((long) from + PAGE_SIZE, total);
		if (from == to) {
			return new SearchResults(List.of(), total, true, List.of());
		}
		List<Long> ids = new ArrayList<>(to - from);
		for (int i = from; i < to; i++) {
			ids.add(ranking.ids()[i]);
		}
		Map<Long, SearchHit> hits = new HashMap<>();
		this.jdbc.sql(HITS)
			.param("text", ranking.text())
			.param("ids", ids)
			.param("whole", WHOLE)
			.param("fragments", FRAGMENTS)
			.query((rs) -> {
				String slug = rs.getString("slug");
				String href = "/episodes/" + slug;
				hits.put(rs.getLong("id"),
						new SearchHit(slug, href, Highlights.html(rs.getString("title")),
								LocalDate.ofInstant(rs.getTimestamp("published_at").toInstant(), ZoneOffset.UTC),
								html(rs.getString("notes")),
								moment(href, rs.getBigDecimal("chapter_at"), rs.getString("chapter")),
								moment(href, rs.getBigDecimal("transcript_at"), rs.getString("transcript"))));
			});
		List<SearchHit> ordered = new ArrayList<>(ids.size());
		for (Long id : ids) {
			SearchHit hit = hits.get(id);
			// An episode gone since the ranking: the change that removed it drops the
			// ranking.
			if (hit != null) {
				ordered.add(hit);
			}
		}
		return new SearchResults(List.copyOf(ordered), total, true, List.of());
	}

	/** When the next scheduled episode comes out, which no ranking kept knows of. */
	Optional<Instant> nextPublication() {
		return this.jdbc.sql("SELECT min(published_at) FROM episode WHERE listed AND published_at > :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** The titles and names nearest what was typed, for "did you mean". */
	List<String> suggestions(String text, Instant now) {
		// Looser than pg_trgm's 0.6: a word typed with one letter wrong shares half its
		// trigrams.
		this.jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', '0.4', true)").query().singleValue();
		return this.jdbc.sql(SUGGESTIONS)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list();
	}

	/** Unboxed: a kept ranking of 2,000 episodes takes 16 KB, not 48. */
	private static long[] ids(Long[] boxed) {
		long[] ids = new long[boxed.length];
		for (int i = 0; i < boxed.length; i++) {
			ids[i] = boxed[i];
		}
		return ids;
	}

	private static @Nullable String html(@Nullable String marked) {
		return (marked != null) ? Highlights.html(marked) : null;
	}

	private static SearchHit.@Nullable Moment moment(String href, @Nullable BigDecimal seconds,
			@Nullable String marked) {
		return (seconds != null && marked != null)
				? new SearchHit.Moment(href, seconds.longValue(), Highlights.html(marked)) : null;
	}

	/**
	 * What a search found, as of {@code at}: whether its text has words to search, and
	 * the ids of the episodes found, best first.
	 */
	record Ranking(String text, Instant at, boolean hasWords, long[] ids) {
	}

}
