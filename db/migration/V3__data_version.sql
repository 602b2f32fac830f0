-- A counter bumped in the same transaction as every change of the show's data (an
-- import that changed something, a host's edit). Each instance polls it, so caches of
-- rendered pages and of the feed are dropped on every instance within seconds.
CREATE TABLE data_version (
	id         boolean PRIMARY KEY DEFAULT true CHECK (id),
	version    bigint      NOT NULL,
	changed_at timestamptz NOT NULL
);
INSERT INTO data_version (version, changed_at) VALUES (0, now());
