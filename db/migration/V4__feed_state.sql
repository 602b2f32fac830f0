-- What every instance needs to know about fetching the feed: when an import last
-- started (so instances whose schedules tick at different moments import about once
-- per refresh between them), how many failed in a row (to back off), and the source's
-- validators and the body's hash (so an unchanged feed costs no import).
CREATE TABLE feed_state (
	id                   boolean PRIMARY KEY DEFAULT true CHECK (id),
	last_started_at      timestamptz,
	consecutive_failures integer NOT NULL DEFAULT 0,
	next_attempt_at      timestamptz,
	-- The validators and hash below belong to this URL's last successful import.
	feed_url             text,
	etag                 text,
	last_modified        text,
	content_hash         text
);
INSERT INTO feed_state DEFAULT VALUES;

-- A fingerprint of the show's fields as last imported: an import that changes nothing
-- writes nothing.
ALTER TABLE show ADD COLUMN content_hash text NOT NULL DEFAULT '';

-- Why a run changed nothing without failing: not modified, or another import was running.
ALTER TABLE import_run ADD COLUMN note text;
