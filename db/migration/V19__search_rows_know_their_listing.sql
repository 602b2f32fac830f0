-- A search ranks its matches by what episode_search holds, and filters and orders them by
-- whether each episode is listed and when it comes out: read from episode, a word said in
-- every episode looked up 2,000 episode rows for every search (4 of its 14 ms). The row
-- keeps both, copied from its episode by triggers of their own, whatever writes the row.

ALTER TABLE episode_search
	ADD COLUMN listed boolean NOT NULL DEFAULT false,
	ADD COLUMN published_at timestamptz NOT NULL DEFAULT '-infinity';

-- Every write of a search row (episode_search_index) takes its episode's listing.
CREATE FUNCTION episode_search_listing() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	SELECT e.listed, e.published_at INTO NEW.listed, NEW.published_at FROM episode e WHERE e.id = NEW.episode_id;
	RETURN NEW;
END $$;

CREATE TRIGGER episode_search_listing BEFORE INSERT OR UPDATE ON episode_search
	FOR EACH ROW EXECUTE FUNCTION episode_search_listing();

-- An episode hidden, shown, deleted, published or moved in time: its row follows, in the
-- same transaction. listed is generated, so the columns it is made of name the trigger.
CREATE FUNCTION episode_search_listing_changed() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	UPDATE episode_search SET listed = NEW.listed, published_at = NEW.published_at WHERE episode_id = NEW.id;
	RETURN NULL;
END $$;

CREATE TRIGGER episode_search_listing_changed AFTER UPDATE OF hidden, status, deleted_at, published_at ON episode
	FOR EACH ROW WHEN (OLD.listed IS DISTINCT FROM NEW.listed OR OLD.published_at IS DISTINCT FROM NEW.published_at)
	EXECUTE FUNCTION episode_search_listing_changed();

-- Room on each page, so that a row whose listing changes is rewritten beside itself,
-- without new entries in the content index (a HOT update).
ALTER TABLE episode_search SET (fillfactor = 90);

-- Every row is written again, and with it its entries in the content index, thousands per
-- transcript: 27 s for 2,000 transcribed episodes on the loaded bench VM, once (building
-- the index afresh took as long). The rows go to pages with the room above.
UPDATE episode_search s SET listed = e.listed, published_at = e.published_at FROM episode e WHERE e.id = s.episode_id;
SELECT gin_clean_pending_list('episode_search_content'::regclass);
