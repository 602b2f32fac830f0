package dev.podsite.backup;

import java.time.Instant;
import java.util.List;

/**
 * What an archive says of itself ({@code manifest.json}, its first entry): which site
 * schema its rows have, and which tables it holds with how many rows each.
 *
 * @param format always {@link #FORMAT}: a ZIP that is not a backup of this site has none
 * @param formatVersion the archive's layout, {@link #FORMAT_VERSION}
 * @param schemaVersion the site's latest migration when the archive was made: the columns
 * of its rows
 * @param createdAt when it was made
 * @param tables the tables, in the order they are restored
 */
record Manifest(String format, int formatVersion, String schemaVersion, Instant createdAt, List<TableEntry> tables) {

	static final String ENTRY = "manifest.json";

	static final String FORMAT = "podsite-backup";

	static final int FORMAT_VERSION = 1;

	/**
	 * A table of the archive.
	 *
	 * @param name the table
	 * @param entry the archive's entry of its rows, a JSON array of objects
	 * @param rows how many rows it holds
	 */
	record TableEntry(String name, String entry, long rows) {
	}

}
