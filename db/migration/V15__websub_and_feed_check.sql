-- What the feed check found in the source feed at its last import that read it, so the
-- host's dashboard shows it without fetching the feed again:
-- [{"code": "audio-missing", "severity": "ERROR", "episode": "…", "detail": null,
--   "directories": ["APPLE", "SPOTIFY", "PODCAST_INDEX"]}, …]
ALTER TABLE feed_state
	ADD COLUMN source_findings jsonb,
	ADD COLUMN source_checked_at timestamptz;

-- The WebSub hub the source feed declares (atom:link rel="hub") and the topic it names
-- (rel="self"), as last read; null when it declares none.
ALTER TABLE feed_state
	ADD COLUMN source_hub text,
	ADD COLUMN source_topic text;

-- Our subscriptions to the source feed's hub. The callback id is the random last segment
-- of the callback URL: a verification or a push for any other id is answered 404. The
-- secret signs the pushes (X-Hub-Signature).
CREATE TABLE websub_subscription (
	callback_id  text PRIMARY KEY,
	hub          text NOT NULL,
	topic        text NOT NULL,
	secret       text NOT NULL,
	state        text NOT NULL CHECK (state IN ('pending', 'active', 'denied')),
	requested_at timestamptz NOT NULL,
	verified_at  timestamptz,
	expires_at   timestamptz
);
CREATE INDEX websub_subscription_topic ON websub_subscription (hub, topic);
