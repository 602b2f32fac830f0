-- Searches never asked before: their snippets quote the notes' text, which took taking
-- the notes' HTML apart again for every hit of every search. The text is kept with the
-- episode's search row instead, written by the same function, at the same time.

-- The text of the notes and of their links, as the search quotes it (search_text).
ALTER TABLE episode_search ADD COLUMN notes text NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION episode_search_index(target bigint) RETURNS void
	LANGUAGE plpgsql AS $$
DECLARE
	v_config regconfig;
	v_notes text;
	v_document tsvector;
	v_transcript tsvector;
BEGIN
	SELECT show_search_configuration(e.show_id) INTO v_config FROM episode e WHERE e.id = target;
	IF v_config IS NULL THEN
		DELETE FROM episode_search WHERE episode_id = target;
		RETURN;
	END IF;
	SELECT search_text(html_text(e.notes_html) || ' ' || coalesce((SELECT string_agg(l.text, ' ' ORDER BY l.position)
		FROM episode_link l WHERE l.episode_id = e.id), ''))
	INTO v_notes
	FROM episode e WHERE e.id = target;
	SELECT setweight(to_tsvector(v_config, search_text(e.title)), 'A')
		|| setweight(to_tsvector(v_config, search_text(coalesce((
			SELECT string_agg(n.name, ' ') FROM (
				SELECT p.name FROM episode_person p WHERE p.episode_id = e.id
				UNION
				SELECT pe.name FROM episode_person p JOIN person pe ON pe.id = p.person_id WHERE p.episode_id = e.id
			) n), '')
			|| ' ' || coalesce((
			SELECT string_agg(c.title, ' ' ORDER BY c.position) FROM episode_chapter c
			WHERE c.episode_id = e.id
				AND c.source = (SELECT max(source) FROM episode_chapter WHERE episode_id = e.id)), ''))), 'B')
		|| setweight(to_tsvector(v_config, v_notes), 'C')
	INTO v_document
	FROM episode e WHERE e.id = target;
	SELECT array_to_tsvector(coalesce(array_agg(DISTINCT w.lexeme), '{}'))
	INTO v_transcript
	FROM episode_transcript_window t, unnest(t.search) w
	WHERE t.episode_id = target;
	INSERT INTO episode_search (episode_id, config, document, content, notes)
	VALUES (target, v_config, v_document, v_document || v_transcript, v_notes)
	ON CONFLICT (episode_id) DO UPDATE
		SET config = excluded.config, document = excluded.document, content = excluded.content,
			notes = excluded.notes;
END $$;

UPDATE episode_search s
SET notes = search_text(html_text(e.notes_html) || ' ' || coalesce((SELECT string_agg(l.text, ' ' ORDER BY l.position)
	FROM episode_link l WHERE l.episode_id = e.id), ''))
FROM episode e WHERE e.id = s.episode_id;

-- A query's words, any of them ('a' <-> 'b' & !'c' is 'a' | 'b'): what a single cue of a
-- matching transcript window must say for a result to point to it. Null when the query
-- has no word a cue could say.
CREATE FUNCTION tsquery_any_word(query tsquery) RETURNS tsquery
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN (SELECT string_agg(m[2], ' | ')::tsquery
		-- A lexeme is quoted, its quotes doubled inside; a '!' before it negates it.
		FROM regexp_matches(query::text, '(!?)(''(?:[^'']|'''')*'')', 'g') AS m
		WHERE m[1] = '');

-- The content index's list of entries not yet merged (GIN's fast update) is read whole by
-- every search, and priced by the planner: with 3 MB of it (after an import of 2,000
-- episodes) the planner read the whole table instead, every episode's vector of all its
-- words (200 ms a search, against 8 ms through the index). A fourth of the default bounds
-- it; a bulk import still merges several episodes at a time (100 episodes indexed in
-- 1.3 s, against 1.1 s with the default and 4.2 s without a list).
ALTER INDEX episode_search_content SET (gin_pending_list_limit = 1024);
SELECT gin_clean_pending_list('episode_search_content'::regclass);
