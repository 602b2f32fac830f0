-- The chapters file, the transcripts and the people of an episode become fields the host
-- can change, like its title: an import keeps the host's, and "revert to the feed's"
-- needs the feed's values of them. Until now they were always the feed's, so the feed's
-- values kept beside each imported episode take them from the episode as it is, under
-- the names the site reads them by (EpisodeContent).
UPDATE episode e SET feed_values = e.feed_values || jsonb_build_object(
	'chaptersFile', CASE WHEN e.chapters_url IS NULL THEN NULL
		ELSE jsonb_build_object('url', e.chapters_url, 'type', e.chapters_type) END,
	'transcripts', coalesce((
		SELECT jsonb_agg(jsonb_build_object('url', t.url, 'type', t.type, 'language', t.language, 'rel', t.rel)
			ORDER BY t.position)
		FROM episode_transcript t WHERE t.episode_id = e.id), '[]'::jsonb),
	'people', coalesce((
		SELECT jsonb_agg(jsonb_build_object('name', p.name, 'role', p.role, 'group', p.person_group,
			'imageUrl', p.image_url, 'href', p.href) ORDER BY p.position)
		FROM episode_person p WHERE p.episode_id = e.id), '[]'::jsonb))
WHERE e.feed_values IS NOT NULL AND NOT (e.feed_values ? 'transcripts');

-- Chapter and transcript files the host uploaded, one of each kind per episode, served by
-- the site at /episodes/{slug}/{name} and pointed to by the episode like any other file.
-- The body is the file as served: UTF-8 text the site's readers accepted.
CREATE TABLE episode_file (
	episode_id    bigint      NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
	kind          text        NOT NULL CHECK (kind IN ('chapters', 'transcript')),
	-- Its name in its address: chapters.json, transcript.vtt, transcript.srt, transcript.json.
	name          text        NOT NULL,
	media_type    text        NOT NULL,
	-- The name of the file the host uploaded, to tell them which one it was.
	uploaded_name text,
	body          bytea       NOT NULL,
	content_hash  text        NOT NULL,
	uploaded_at   timestamptz NOT NULL,
	PRIMARY KEY (episode_id, kind)
);
