-- The elements of the feed the site does not model (podcast:value, soundbites, media:,
-- a namespace invented next year...), kept as the feed wrote them so the re-published
-- feed carries them too: one <foreign> element holding them, serialized by an XML
-- library, each declaring the namespaces it uses. Null when there are none.
ALTER TABLE show ADD COLUMN foreign_markup text;
ALTER TABLE episode ADD COLUMN foreign_markup text;
