-- The feed's values of the fields the host can change, kept for "revert to the feed's",
-- as the site now stores them: named as the episode's content names its fields, with the
-- notes as one value (HTML, summary, links) and dates as UTC instants.
UPDATE episode SET feed_values = (feed_values - 'notesHtml' - 'summary' - 'links') || jsonb_build_object(
	'notes', jsonb_build_object(
		'html', coalesce(feed_values->'notesHtml', '""'::jsonb),
		'summary', coalesce(feed_values->'summary', '""'::jsonb),
		'links', coalesce(feed_values->'links', '[]'::jsonb),
		'markdown', NULL),
	'publishedAt', to_jsonb(to_char((feed_values->>'publishedAt')::timestamptz AT TIME ZONE 'UTC',
		'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
WHERE feed_values IS NOT NULL AND feed_values ? 'notesHtml';
