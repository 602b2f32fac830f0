package dev.podsite.backup;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which tables an archive holds, in the order they are restored (a table after those it
 * refers to), and why the others are left out. A table that a new migration adds is in
 * neither list until someone decides: a test says so.
 */
final class BackupTables {

	/**
	 * The tables an archive holds.
	 */
	static final List<Table> ARCHIVED = List.of(new Table("show", "id"),
			new Table("show_category", "show_id, position"), new Table("show_funding", "show_id, position"),
			new Table("person", "id"), new Table("person_alias", "key"), new Table("person_former_slug", "slug"),
			new Table("show_person", "show_id, position"), new Table("episode", "id"),
			new Table("episode_link", "episode_id, position"), new Table("episode_transcript", "episode_id, position"),
			new Table("episode_person", "episode_id, position"),
			new Table("episode_chapter", "episode_id, source, position"),
			new Table("episode_transcript_cue", "episode_id, position"),
			new Table("episode_timeline_source", "episode_id, kind"),
			// The host's uploaded files: each body a file of its own in the archive.
			new Table("episode_file", "episode_id, kind", "body", "'files/episode_file/' || episode_id || '/' || name",
					false),
			// What the import knows of chapter and transcript files: an unchanged file is
			// not
			// read again.
			new Table("media_file", "url"),
			// The feed's address after a move, and the validators of its last import.
			new Table("feed_state", "id"), new Table("published_feed_move", "id"),
			// The host's accounts, as bcrypt hashes, so the host signs in to the restored
			// site with the same password. An account the site has already (the one
			// signed in to restore, the configured one) is kept as it is.
			new Table("admin_account", "username", null, null, true));

	/** The tables an archive leaves out, and why. */
	static final Map<String, String> LEFT_OUT = Map.ofEntries(
			Map.entry("spring_session", "sessions belong to the browsers signed in to this site"),
			Map.entry("spring_session_attributes", "sessions belong to the browsers signed in to this site"),
			Map.entry("sign_in_throttle", "failed sign-ins here say nothing about the restored site"),
			Map.entry("sign_in_device", "browsers known here are not known to the restored site"),
			Map.entry("import_run", "the history of this site's imports; the restored site keeps its own"),
			Map.entry("websub_subscription", "a subscription names this site's callback; the restored site subscribes"),
			Map.entry("data_version", "a counter of changes, per database"),
			Map.entry("episode_search", "kept by the database's triggers from the episodes"),
			Map.entry("episode_search_pending", "kept by the database's triggers from the episodes"),
			Map.entry("episode_transcript_window", "kept by the database's triggers from the transcripts"),
			Map.entry("search_language", "written by the migration"),
			Map.entry("artwork_measurement", "measured again from the artwork's address in the background"),
			Map.entry("flyway_schema_history", "the archive names the schema version it was made with"));

	private BackupTables() {
	}

	/**
	 * A table of the archive.
	 *
	 * @param name the table
	 * @param orderBy its primary key, so that an archive of the same data is the same
	 * @param fileColumn a bytea column written as files of their own rather than in the
	 * rows, or null
	 * @param fileEntry the SQL expression of a row's file's name in the archive, unique
	 * @param keepExisting whether rows the restored site has already (same key) stay as
	 * they are rather than refusing the restore
	 */
	record Table(String name, String orderBy, @Nullable String fileColumn, @Nullable String fileEntry,
			boolean keepExisting) {

		Table(String name, String orderBy) {
			this(name, orderBy, null, null, false);
		}

		/** The archive's entry of the table's rows. */
		String entry() {
			return "tables/" + this.name + ".json";
		}

	}

}
