-- What an import says to the host, as a message key and its arguments
-- ({"code": "import.…", "args": ["https://…", 404, {"code": …}]}) instead of English
-- words, so the dashboard says it in the reader's language. Runs recorded before keep
-- their English sentences in warnings, error_message and note, shown as they are.
ALTER TABLE import_run
	ADD COLUMN warning_notices jsonb,
	ADD COLUMN error_notice jsonb,
	ADD COLUMN note_notice jsonb;

-- Why a chapters or transcript file could not be read, said again at each import while
-- the file stays the same; content_error keeps the English of files checked before.
ALTER TABLE media_file ADD COLUMN content_error_notice jsonb;
