-- What the feed check found in the source feed at its last import that read it, so the
-- host's dashboard shows it without fetching the feed again:
-- [{"code": "audio-missing", "severity": "ERROR", "episode": "…", "detail": null,
--   "directories": ["APPLE", "SPOTIFY", "PODCAST_INDEX"]}, …]
ALTER TABLE feed_state
	ADD COLUMN source_findings jsonb,
	ADD COLUMN source_checked_at timestamptz;
