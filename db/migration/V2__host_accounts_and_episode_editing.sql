-- The host's side: episodes written or edited by the host, the admin account, sign-in
-- throttling and the sessions every instance shares.

-- Where an episode came from: the source feed or the host's form.
ALTER TABLE episode ADD COLUMN origin text NOT NULL DEFAULT 'FEED' CHECK (origin IN ('FEED', 'HOST'));
-- Drafts are the host's work in progress; only published episodes are public.
ALTER TABLE episode ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'PUBLISHED'));
-- A delete the host can undo.
ALTER TABLE episode ADD COLUMN deleted_at timestamptz;
-- The Markdown the host wrote the notes in; null while the notes are the feed's.
ALTER TABLE episode ADD COLUMN notes_markdown text;
-- Fields of an imported episode the host changed: imports leave them alone.
ALTER TABLE episode ADD COLUMN overrides text[] NOT NULL DEFAULT '{}';
-- The feed's latest values of those fields, for "revert to feed".
ALTER TABLE episode ADD COLUMN feed_values jsonb;
-- Episodes imported before: their current values are the feed's.
UPDATE episode e SET feed_values = jsonb_build_object(
	'title', title, 'notesHtml', notes_html, 'summary', summary,
	'links', coalesce((SELECT jsonb_agg(jsonb_build_object('text', l.text, 'url', l.url) ORDER BY l.position)
		FROM episode_link l WHERE l.episode_id = e.id), '[]'::jsonb),
	'audioUrl', audio_url, 'audioLength', audio_length, 'audioType', audio_type, 'duration', duration_seconds,
	'publishedAt', published_at, 'season', season, 'episodeNumber', episode_number,
	'episodeType', episode_type, 'explicit', explicit);
-- What the public site and the feed show (when its date has come).
ALTER TABLE episode ADD COLUMN listed boolean
	GENERATED ALWAYS AS (NOT hidden AND status = 'PUBLISHED' AND deleted_at IS NULL) STORED;

-- The public lists and an episode's neighbours read episodes in this order; the site
-- serves one show, so the order alone leads the index.
DROP INDEX episode_public_newest;
CREATE INDEX episode_listed_newest ON episode (published_at DESC, id DESC) WHERE listed;
-- The admin's list: all episodes newest first, and search by any part of the title.
CREATE INDEX episode_newest ON episode (published_at DESC, id DESC);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX episode_title_search ON episode USING gin (lower(title) gin_trgm_ops);
-- Episodes that left the feed, for the dashboard.
CREATE INDEX episode_hidden ON episode (hidden_at DESC) WHERE hidden AND deleted_at IS NULL;

CREATE TABLE admin_account (
	username      text PRIMARY KEY,
	-- A delegating encoder's hash ({bcrypt}...): never the password itself.
	password_hash text        NOT NULL,
	created_at    timestamptz NOT NULL DEFAULT now(),
	updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Failed sign-ins per username and per client address, shared by every instance.
CREATE TABLE login_failure (
	key          text PRIMARY KEY,
	failures     integer     NOT NULL,
	first_at     timestamptz NOT NULL,
	locked_until timestamptz
);

-- Spring Session's tables (its schema-postgresql.sql), so sessions survive a restart and
-- any instance serves a signed-in host.
CREATE TABLE spring_session (
	primary_id            char(36) NOT NULL,
	session_id            char(36) NOT NULL,
	creation_time         bigint   NOT NULL,
	last_access_time      bigint   NOT NULL,
	max_inactive_interval integer  NOT NULL,
	expiry_time           bigint   NOT NULL,
	principal_name        varchar(100),
	CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
	session_primary_id char(36)     NOT NULL,
	attribute_name     varchar(200) NOT NULL,
	attribute_bytes    bytea        NOT NULL,
	CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
	CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
		REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
