-- Full-text search over the episodes, kept up to date by the database itself: the triggers
-- below write the search tables whenever an episode, its links, people, chapters or
-- transcript, a person's name or the show's language changes. No module of the site
-- writes them.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One text search configuration per language PostgreSQL stems (podsite_english,
-- podsite_german, ..., and podsite_simple for any other), each a copy of the built-in one
-- that reads words without their accents: "Șapte" and "sapte", "café" and "cafe" are the
-- same word. Only words with letters beyond ASCII (word, hword, hword_part) go through
-- unaccent; ASCII words have none. Made only where missing, so a server that has them
-- already keeps its own.
DO $$
DECLARE
	builtin record;
	dictionaries text;
BEGIN
	FOR builtin IN SELECT c.oid, c.cfgname FROM pg_ts_config c
			WHERE c.cfgnamespace = 'pg_catalog'::regnamespace ORDER BY c.cfgname LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_ts_config c WHERE c.cfgname = 'podsite_' || builtin.cfgname
				AND c.cfgnamespace = current_schema()::regnamespace) THEN
			-- What the built-in configuration reads words with (its stemmer, or simple).
			SELECT string_agg(quote_ident(n.nspname) || '.' || quote_ident(d.dictname), ', ' ORDER BY m.mapseqno)
			INTO dictionaries
			FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict
				JOIN pg_namespace n ON n.oid = d.dictnamespace
			WHERE m.mapcfg = builtin.oid
				AND m.maptokentype = (SELECT tokid FROM ts_token_type('default') WHERE alias = 'word');
			EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)',
				'podsite_' || builtin.cfgname, builtin.cfgname);
			EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %s',
				'podsite_' || builtin.cfgname, dictionaries);
		END IF;
	END LOOP;
END $$;

-- Which configuration a show's language (its feed's <language>: "en-us", "de", "fr-CA",
-- "ro", or a name, "English", "Deutsch") reads text with. A language PostgreSQL does not
-- stem reads with podsite_simple: whole words, accents aside.
CREATE TABLE search_language (
	-- A primary language subtag (en) or a name (english, deutsch), in lower case.
	name   text     PRIMARY KEY,
	config regconfig NOT NULL
);
INSERT INTO search_language (name, config)
SELECT l.name, c.oid::regconfig
FROM (VALUES ('ar', 'arabic'), ('hy', 'armenian'), ('eu', 'basque'), ('ca', 'catalan'), ('da', 'danish'),
		('nl', 'dutch'), ('en', 'english'), ('fi', 'finnish'), ('fr', 'french'), ('de', 'german'), ('el', 'greek'),
		('hi', 'hindi'), ('hu', 'hungarian'), ('id', 'indonesian'), ('in', 'indonesian'), ('ga', 'irish'),
		('it', 'italian'), ('lt', 'lithuanian'), ('ne', 'nepali'), ('no', 'norwegian'), ('nb', 'norwegian'),
		('nn', 'norwegian'), ('pt', 'portuguese'), ('ro', 'romanian'), ('mo', 'romanian'), ('ru', 'russian'),
		('sr', 'serbian'), ('es', 'spanish'), ('sv', 'swedish'), ('ta', 'tamil'), ('tr', 'turkish'),
		('yi', 'yiddish'), ('ji', 'yiddish'),
		('deutsch', 'german'), ('français', 'french'), ('francais', 'french'), ('español', 'spanish'),
		('espanol', 'spanish'), ('castellano', 'spanish'), ('română', 'romanian'), ('romana', 'romanian'),
		('italiano', 'italian'), ('português', 'portuguese'), ('portugues', 'portuguese'),
		('nederlands', 'dutch'), ('svenska', 'swedish'), ('dansk', 'danish'), ('norsk', 'norwegian'),
		('suomi', 'finnish'), ('magyar', 'hungarian'), ('català', 'catalan'), ('türkçe', 'turkish'),
		('русский', 'russian'), ('ελληνικά', 'greek')) AS l (name, config)
	JOIN pg_ts_config c ON c.cfgname = 'podsite_' || l.config AND c.cfgnamespace = current_schema()::regnamespace
UNION ALL
-- Each language also by its English name, as the configurations are named.
SELECT substr(c.cfgname, length('podsite_') + 1), c.oid::regconfig FROM pg_ts_config c
WHERE c.cfgname LIKE 'podsite\_%' AND c.cfgnamespace = current_schema()::regnamespace
ON CONFLICT (name) DO NOTHING;

CREATE FUNCTION search_configuration(language text) RETURNS regconfig
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN coalesce(
		(SELECT l.config FROM search_language l
			WHERE l.name IN (lower(btrim(language)), lower(split_part(translate(btrim(language), '_', '-'), '-', 1)))
			ORDER BY length(l.name) DESC LIMIT 1),
		(SELECT l.config FROM search_language l WHERE l.name = 'simple'));

-- The configuration the episodes of a show are indexed with, and searched with.
CREATE FUNCTION show_search_configuration(show_id bigint) RETURNS regconfig
	LANGUAGE sql STABLE PARALLEL SAFE
	RETURN (SELECT search_configuration(s.language) FROM show s WHERE s.id = show_id);

-- Plain text as the search reads and quotes it: '<' is kept as \x04, so that the text
-- search parser, which reads "<b>" or "<T>" as a tag and skips it, sees text; \x02 and
-- \x03 are the marks of highlighted words (ts_headline), so the text may hold none.
CREATE FUNCTION search_text(text text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN translate(text, E'<\x02\x03\x04', E'\x04');

-- The text of sanitized HTML (show notes): without tags, the entities jsoup writes decoded.
CREATE FUNCTION html_text(html text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN btrim(regexp_replace(replace(replace(replace(replace(replace(replace(
		regexp_replace(html, '<[^>]*>', ' ', 'g'),
		'&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
		'\s+', ' ', 'g'));

-- A tsquery with its phrases loosened to AND ('a' <-> 'b' is 'a' & 'b'): what a phrase
-- needs of an episode as a whole, whose transcript's words are kept without positions.
CREATE FUNCTION tsquery_without_phrases(query tsquery) RETURNS tsquery
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	text_in text := query::text;
	text_out text := '';
	quoted boolean := false;
	i integer := 1;
	c text;
BEGIN
	WHILE i <= length(text_in) LOOP
		c := substr(text_in, i, 1);
		IF c = '''' THEN
			-- A quote inside a lexeme is written twice; either way it toggles twice.
			quoted := NOT quoted;
		ELSIF NOT quoted AND c = '<' THEN
			text_out := text_out || '&';
			i := strpos(substr(text_in, i), '>') + i;
			CONTINUE;
		END IF;
		text_out := text_out || c;
		i := i + 1;
	END LOOP;
	RETURN text_out::tsquery;
END $$;

-- The transcript in windows of 30 seconds, the moments search results point to: a window
-- is short enough to say where the words are said, and long enough to find words said
-- together across the cues (some transcripts have one cue per word).
CREATE TABLE episode_transcript_window (
	episode_id    bigint        NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
	-- The window's number: its start is at (number * 30) seconds or after.
	number        integer       NOT NULL,
	start_seconds numeric(12,3) NOT NULL,
	-- The position of its first cue, and of the cue after its last.
	first_cue     integer       NOT NULL,
	end_cue       integer       NOT NULL,
	text          text          NOT NULL,
	search        tsvector      NOT NULL,
	PRIMARY KEY (episode_id, number)
);
CREATE INDEX episode_transcript_window_search ON episode_transcript_window USING gin (search);

-- One row per episode: what results are matched and ranked by.
CREATE TABLE episode_search (
	episode_id bigint    PRIMARY KEY REFERENCES episode (id) ON DELETE CASCADE,
	-- The configuration both vectors were made with: the show's, at the time.
	config     regconfig NOT NULL,
	-- Ranked, with weights: the title (A), people and chapters (B), the notes and the
	-- texts of their links (C).
	document   tsvector  NOT NULL,
	-- Matched: the document and every word of the transcript, without positions (D).
	content    tsvector  NOT NULL
);
CREATE INDEX episode_search_content ON episode_search USING gin (content);

-- Episodes whose row above is out of date, each made again once when the transaction
-- that changed it commits, however many statements changed it.
CREATE TABLE episode_search_pending (
	episode_id bigint PRIMARY KEY
);

CREATE FUNCTION episode_search_index(target bigint) RETURNS void
	LANGUAGE plpgsql AS $$
DECLARE
	v_config regconfig;
	v_document tsvector;
	v_transcript tsvector;
BEGIN
	SELECT show_search_configuration(e.show_id) INTO v_config FROM episode e WHERE e.id = target;
	IF v_config IS NULL THEN
		DELETE FROM episode_search WHERE episode_id = target;
		RETURN;
	END IF;
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
		|| setweight(to_tsvector(v_config, search_text(html_text(e.notes_html)
			|| ' ' || coalesce((SELECT string_agg(l.text, ' ' ORDER BY l.position) FROM episode_link l
				WHERE l.episode_id = e.id), ''))), 'C')
	INTO v_document
	FROM episode e WHERE e.id = target;
	SELECT array_to_tsvector(coalesce(array_agg(DISTINCT w.lexeme), '{}'))
	INTO v_transcript
	FROM episode_transcript_window t, unnest(t.search) w
	WHERE t.episode_id = target;
	INSERT INTO episode_search (episode_id, config, document, content)
	VALUES (target, v_config, v_document, v_document || v_transcript)
	ON CONFLICT (episode_id) DO UPDATE
		SET config = excluded.config, document = excluded.document, content = excluded.content;
END $$;

CREATE FUNCTION episode_search_mark(episodes bigint[]) RETURNS void
	LANGUAGE sql AS $$
	INSERT INTO episode_search_pending (episode_id)
	SELECT DISTINCT id FROM unnest(episodes) AS id WHERE id IS NOT NULL
	ON CONFLICT (episode_id) DO NOTHING
$$;

-- At commit (deferred): once per episode marked in the transaction.
CREATE FUNCTION episode_search_refresh() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM episode_search_pending WHERE episode_id = NEW.episode_id;
	PERFORM episode_search_index(NEW.episode_id);
	RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER episode_search_refresh AFTER INSERT ON episode_search_pending
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION episode_search_refresh();

-- What changes an episode's row: its title and notes, its links, people and chapters
-- (statements of many rows mark each episode once), a person's name.
CREATE FUNCTION episode_search_episode_changed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	PERFORM episode_search_mark(ARRAY[NEW.id]);
	RETURN NULL;
END $$;

CREATE TRIGGER episode_search_inserted AFTER INSERT ON episode
	FOR EACH ROW EXECUTE FUNCTION episode_search_episode_changed();
CREATE TRIGGER episode_search_updated AFTER UPDATE OF title, notes_html, show_id ON episode
	FOR EACH ROW EXECUTE FUNCTION episode_search_episode_changed();

CREATE FUNCTION episode_search_rows_changed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM episode_search_mark(ARRAY(SELECT DISTINCT episode_id FROM new_rows));
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		PERFORM episode_search_mark(ARRAY(SELECT DISTINCT episode_id FROM old_rows));
	END IF;
	RETURN NULL;
END $$;

DO $$
DECLARE
	source text;
BEGIN
	FOREACH source IN ARRAY ARRAY['episode_link', 'episode_person', 'episode_chapter'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
			' FOR EACH STATEMENT EXECUTE FUNCTION episode_search_rows_changed()', source || '_search_inserted', source);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
			' FOR EACH STATEMENT EXECUTE FUNCTION episode_search_rows_changed()', source || '_search_updated', source);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
			' FOR EACH STATEMENT EXECUTE FUNCTION episode_search_rows_changed()', source || '_search_deleted', source);
	END LOOP;
END $$;

CREATE FUNCTION episode_search_person_renamed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	PERFORM episode_search_mark(ARRAY(SELECT DISTINCT p.episode_id FROM episode_person p WHERE p.person_id = NEW.id));
	RETURN NULL;
END $$;

CREATE TRIGGER person_search_renamed AFTER UPDATE OF name ON person
	FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION episode_search_person_renamed();

-- An episode's transcript windows, made again from its cues, with its show's
-- configuration; then its row is marked.
CREATE FUNCTION episode_transcript_windows_index(episodes bigint[]) RETURNS void
	LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM episode_transcript_window WHERE episode_id = ANY (episodes);
	INSERT INTO episode_transcript_window (episode_id, number, start_seconds, first_cue, end_cue, text, search)
	SELECT w.episode_id, w.number, w.start_seconds, w.first_cue, w.end_cue, w.text,
		to_tsvector(show_search_configuration(e.show_id), search_text(w.text))
	FROM (
		SELECT c.episode_id, floor(c.start_seconds / 30)::integer AS number, min(c.start_seconds) AS start_seconds,
			min(c.position) AS first_cue, max(c.position) + 1 AS end_cue,
			string_agg(c.text, ' ' ORDER BY c.position) AS text
		FROM episode_transcript_cue c
		WHERE c.episode_id = ANY (episodes)
		GROUP BY c.episode_id, floor(c.start_seconds / 30)
	) w JOIN episode e ON e.id = w.episode_id;
	PERFORM episode_search_mark(episodes);
END $$;

CREATE FUNCTION episode_transcript_cues_changed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM episode_transcript_windows_index(ARRAY(SELECT DISTINCT episode_id FROM new_rows));
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		PERFORM episode_transcript_windows_index(ARRAY(SELECT DISTINCT episode_id FROM old_rows));
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER episode_transcript_cue_search_inserted AFTER INSERT ON episode_transcript_cue
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_transcript_cues_changed();
CREATE TRIGGER episode_transcript_cue_search_updated AFTER UPDATE ON episode_transcript_cue
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION episode_transcript_cues_changed();
CREATE TRIGGER episode_transcript_cue_search_deleted AFTER DELETE ON episode_transcript_cue
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_transcript_cues_changed();

-- A show whose language now reads with another configuration: its episodes are indexed
-- again, in the same transaction (rare, and as long as indexing them all).
CREATE FUNCTION show_search_language_changed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF search_configuration(OLD.language) IS DISTINCT FROM search_configuration(NEW.language) THEN
		UPDATE episode_transcript_window t
		SET search = to_tsvector(search_configuration(NEW.language), search_text(t.text))
		FROM episode e WHERE e.id = t.episode_id AND e.show_id = NEW.id;
		PERFORM episode_search_mark(ARRAY(SELECT e.id FROM episode e WHERE e.show_id = NEW.id));
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER show_search_language_changed AFTER UPDATE OF language ON show
	FOR EACH ROW EXECUTE FUNCTION show_search_language_changed();

-- What the site had before: every episode indexed now.
SELECT episode_transcript_windows_index(ARRAY(SELECT DISTINCT episode_id FROM episode_transcript_cue));
SELECT episode_search_mark(ARRAY(SELECT id FROM episode));

-- Text as "did you mean" and the links' filter compare it: lower case, without accents.
CREATE FUNCTION search_folded(text text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN lower(unaccent('unaccent'::regdictionary, text));

-- "Did you mean": the titles and the people's names nearest a search that found nothing.
CREATE INDEX episode_title_trigrams ON episode USING gin (search_folded(title) gin_trgm_ops) WHERE listed;
CREATE INDEX person_name_trigrams ON person USING gin (search_folded(name) gin_trgm_ops);

-- The site a link points to, as /links groups them: the host in lower case, without
-- "www." (and without a user or port); null for an address without a host (mailto:).
CREATE FUNCTION link_domain(url text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN nullif(regexp_replace(lower(substring(btrim(url) FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')),
		'^www\.', ''), '');

CREATE INDEX episode_link_domain ON episode_link (link_domain(url), episode_id);
-- /links?q=: a part of a link's site, address or text.
CREATE INDEX episode_link_trigrams ON episode_link USING gin (search_folded(text || ' ' || url) gin_trgm_ops);
