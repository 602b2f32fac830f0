package dev.podsite.search;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the published episodes, in the tables V11 keeps: a page of matches in one
 * query (through the GIN index of {@code episode_search.content}), their snippets and
 * moments in a second, and, when nothing matched, the nearest titles and names in a
 * third.
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
	 * Ranked by the title, people and chapters, notes and links (weights A, B, C);
	 * episodes found by their transcript alone come after, newest first. A phrase must be
	 * said as such in the document or in one transcript window.
	 */
	private static final String PAGE = QUERY + """
			, phrase_heard AS MATERIALIZED (
				-- Once, through the windows' GIN index: correlated per episode, it would scan
				-- every window of every candidate.
				SELECT DISTINCT w.episode_id FROM query q JOIN episode_transcript_window w ON w.search @@ q.precise
				WHERE q.phrased
			)
			SELECT e.id, e.slug, e.title, e.published_at, count(*) OVER () AS total
			FROM query q
				JOIN episode_search s ON s.content @@ q.loose
				JOIN episode e ON e.id = s.episode_id
			WHERE e.listed AND e.published_at <= :now
				AND (NOT q.phrased OR s.document @@ q.precise OR s.episode_id IN (SELECT episode_id FROM phrase_heard))
			ORDER BY ts_rank(s.document, q.loose) DESC, e.published_at DESC, e.id DESC
			LIMIT :limit OFFSET :offset
			""";

	/**
	 * For each episode of a page: its title and notes (with the texts of their links)
	 * highlighted, the first chapter whose title matches, and the transcript window that
	 * matches best.
	 */
	private static final String SNIPPETS = QUERY + """
			, notes AS (
				SELECT e.id, e.title, search_text(html_text(e.notes_html) || coalesce(' ' || (
					SELECT string_agg(l.text, ' ' ORDER BY l.position) FROM episode_link l WHERE l.episode_id = e.id),
					'')) AS text
				FROM episode e WHERE e.id IN (:ids)
			)
			SELECT n.id,
				ts_headline(q.config, search_text(n.title), q.precise, :whole) AS title,
				CASE WHEN to_tsvector(q.config, n.text) @@ q.loose
					THEN ts_headline(q.config, n.text, q.precise, :fragments) END AS notes,
				c.start_seconds AS chapter_at, c.title AS chapter,
				w.start_seconds AS transcript_at, w.text AS transcript
			FROM query q CROSS JOIN notes n
				LEFT JOIN LATERAL (
					SELECT c.start_seconds, ts_headline(q.config, search_text(c.title), q.precise, :whole) AS title
					FROM episode_chapter c
					WHERE c.episode_id = n.id
						AND c.source = (SELECT max(source) FROM episode_chapter WHERE episode_id = n.id)
						AND to_tsvector(q.config, search_text(c.title)) @@ q.precise
					ORDER BY c.position LIMIT 1
				) c ON true
				LEFT JOIN LATERAL (
					SELECT w.start_seconds, ts_headline(q.config, w.text, q.precise, :fragments) AS text
					FROM episode_transcript_window w
					-- The function, not its operator: an episode has a few hundred windows at
					-- most, while the GIN index would list every window of the show that says a
					-- common word, for each episode of the page.
					WHERE w.episode_id = n.id AND ts_match_vq(w.search, q.precise)
					ORDER BY ts_rank(w.search, q.precise) DESC, w.number LIMIT 1
				) w ON true
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
		Instant now = this.clock.instant();
		if (!hasWords(text)) {
			return SearchResults.noWords();
		}
		long[] total = { 0 };
		Map<Long, Match> matches = new LinkedHashMap<>();
		this.jdbc.sql(PAGE)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.param("limit", PAGE_SIZE)
			.param("offset", (long) page * PAGE_SIZE)
			.query((rs) -> {
				total[0] = rs.getLong("total");
				matches.put(rs.getLong("id"), new Match(rs.getString("slug"), rs.getString("title"),
						rs.getTimestamp("published_at").toInstant()));
			});
		if (matches.isEmpty()) {
			long before = (page > 0) ? count(text, now) : 0;
			return new SearchResults(List.of(), before, true, (before == 0) ? suggestions(text, now) : List.of());
		}
		Map<Long, SearchHit> hits = new LinkedHashMap<>();
		this.jdbc.sql(SNIPPETS)
			.param("text", text)
			.param("ids", matches.keySet())
			.param("whole", WHOLE)
			.param("fragments", FRAGMENTS)
			.query((rs) -> {
				Match match = matches.get(rs.getLong("id"));
				hits.put(rs.getLong("id"),
						new SearchHit(match.slug(), Highlights.html(rs.getString("title")), match.publishedAt(),
								html(rs.getString("notes")),
								moment(rs.getBigDecimal("chapter_at"), rs.getString("chapter")),
								moment(rs.getBigDecimal("transcript_at"), rs.getString("transcript"))));
			});
		List<SearchHit> ordered = new ArrayList<>();
		matches.keySet().forEach((id) -> ordered.add(hits.get(id)));
		return new SearchResults(ordered, total[0], true, List.of());
	}

	/**
	 * Whether the text holds a word the search reads (not only operators or stop words).
	 */
	private boolean hasWords(String text) {
		return this.jdbc.sql(QUERY + "SELECT numnode(precise) > 0 FROM query")
			.param("text", text)
			.query(Boolean.class)
			.single();
	}

	private long count(String text, Instant now) {
		return this.jdbc.sql(PAGE.replace("LIMIT :limit OFFSET :offset", "LIMIT 1"))
			.param("text", text)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> rs.getLong("total"))
			.optional()
			.orElse(0L);
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

	private static @Nullable String html(@Nullable String marked) {
		return (marked != null) ? Highlights.html(marked) : null;
	}

	private static SearchHit.@Nullable Moment moment(@Nullable BigDecimal seconds, @Nullable String marked) {
		return (seconds != null && marked != null) ? new SearchHit.Moment(seconds.longValue(), Highlights.html(marked))
				: null;
	}

	private record Match(String slug, String title, Instant publishedAt) {
	}

}
