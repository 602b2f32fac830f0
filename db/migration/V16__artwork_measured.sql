-- The show's artwork as last downloaded by the feed check: its format and size in pixels
-- (read from the image's header), or why it could not be read, with the validators that
-- let the next check ask "changed?" instead of downloading it again.
CREATE TABLE artwork_measurement (
	url           text PRIMARY KEY,
	etag          text,
	last_modified text,
	-- The image format ImageIO recognised (jpeg, png, gif, ...), null when none did.
	format        text,
	width         integer,
	height        integer,
	-- Why there is no size: 'status' (the server answered http_status), 'too-large',
	-- 'unreachable' (no answer in time, a private address, ...), 'not-image'.
	failure       text CHECK (failure IN ('status', 'too-large', 'unreachable', 'not-image')),
	http_status   integer,
	checked_at    timestamptz NOT NULL
);
