-- Where the feed lives now, when its source moved it for good (itunes:new-feed-url, or
-- an HTTP 301 or 308): the importer fetches moved_to from then on. The move belongs to
-- the configured address it was found for (moved_for): when the operator configures
-- another address, that address wins and the move no longer applies.
ALTER TABLE feed_state
	ADD COLUMN moved_for    text,
	ADD COLUMN moved_to     text,
	ADD COLUMN moved_from   text,
	ADD COLUMN moved_at     timestamptz,
	ADD COLUMN move_reason  text CHECK (move_reason IN ('new-feed-url', '301', '308'));

-- The host's announcement that the site's own feed moves: /feed.xml says
-- itunes:new-feed-url at once, and answers 301 to the new address from redirect_from on.
CREATE TABLE published_feed_move (
	id            boolean PRIMARY KEY DEFAULT true CHECK (id),
	new_url       text NOT NULL,
	redirect_from timestamptz,
	announced_at  timestamptz NOT NULL
);
