-- Chapters and transcripts as data for the episode pages, and what the import knows of
-- the files they are read from.

-- An episode's chapters from either of two sources: 'feed', the Podlove Simple Chapters
-- inside its item (written with the item), and 'file', the item's podcast:chapters file
-- (written when the file is fetched). The page reads the file's when there are any.
CREATE TABLE episode_chapter (
	episode_id    bigint        NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
	source        text          NOT NULL CHECK (source IN ('feed', 'file')),
	position      integer       NOT NULL,
	start_seconds numeric(12,3) NOT NULL CHECK (start_seconds >= 0),
	end_seconds   numeric(12,3),
	title         text          NOT NULL,
	url           text,
	image_url     text,
	toc           boolean       NOT NULL DEFAULT true,
	-- The page reads an episode's chapters of one source in order: this key.
	PRIMARY KEY (episode_id, source, position)
);

-- The cues of the one transcript the import reads of an episode's podcast:transcript
-- files, in the order of the audio.
CREATE TABLE episode_transcript_cue (
	episode_id    bigint        NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
	position      integer       NOT NULL,
	start_seconds numeric(12,3) NOT NULL CHECK (start_seconds >= 0),
	end_seconds   numeric(12,3),
	speaker       text,
	text          text          NOT NULL,
	PRIMARY KEY (episode_id, position)
);

-- Which file an episode's stored file chapters ('chapters') and cues ('transcript') were
-- read from, and the hash of that file's body: an unchanged file is not written again.
CREATE TABLE episode_timeline_source (
	episode_id   bigint      NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
	kind         text        NOT NULL CHECK (kind IN ('chapters', 'transcript')),
	url          text        NOT NULL,
	content_hash text        NOT NULL,
	stored_at    timestamptz NOT NULL,
	PRIMARY KEY (episode_id, kind)
);

-- What the import knows of each chapter and transcript file it fetches, by address: the
-- validators and hash of the last body downloaded (for a conditional GET, and so that an
-- unchanged body changes nothing), why that body could not be read if it could not, when
-- the file was last downloaded and last asked for, and its last failure.
CREATE TABLE media_file (
	url           text PRIMARY KEY,
	etag          text,
	last_modified text,
	content_hash  text,
	content_error text,
	fetched_at    timestamptz,
	checked_at    timestamptz NOT NULL,
	failure       text,
	failed_at     timestamptz
);
