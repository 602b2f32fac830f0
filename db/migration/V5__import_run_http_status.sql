-- The HTTP status the feed's server answered when an import failed on it (410 Gone,
-- 404 Not Found, ...), so the dashboard can tell a feed that is gone from one that is
-- briefly down.
ALTER TABLE import_run ADD COLUMN http_status integer;
