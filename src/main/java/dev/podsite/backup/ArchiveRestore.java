package dev.podsite.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import dev.podsite.support.HostNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an archive's rows into a site that holds nothing yet, table after table in the
 * archive's order, in one transaction: either all of it is restored or nothing is. The
 * database's own triggers index the restored episodes for search as they arrive.
 */
class ArchiveRestore {

	private static final Logger log = LoggerFactory.getLogger(ArchiveRestore.class);

	/** The key of a row's file's entry, in place of the file's column. */
	static final String FILE_KEY = "$file";

	/** Rows written per statement. */
	private static final int BATCH = 500;

	/** The largest file an archive may hold (an upload is at most a few megabytes). */
	private static final int LARGEST_FILE = 64 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Schema schema;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	ArchiveRestore(JdbcClient jdbc, Schema schema, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.schema = schema;
		this.transaction = transaction;
		this.events = events;
	}

	void restore(Path archive) throws ArchiveRefused {
		try (ZipFile zip = new ZipFile(archive.toFile())) {
			Manifest manifest = manifest(zip);
			this.transaction.executeWithoutResult((status) -> restore(zip, manifest));
			log.info("Restored the site from {}: {}", archive,
					manifest.tables()
						.stream()
						.map((table) -> table.rows() + " " + table.name())
						.collect(Collectors.joining(", ")));
		}
		catch (ZipException | JacksonException ex) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.damaged", String.valueOf(ex.getMessage())), ex);
		}
		catch (IOException ex) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.unreadable", String.valueOf(ex.getMessage())), ex);
		}
		catch (RefusedInTransaction ex) {
			throw ex.refused;
		}
		catch (UncheckedIOException | DataAccessException ex) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.damaged", String.valueOf(ex.getMessage())), ex);
		}
	}

	/** The manifest, checked against this site's schema before anything is written. */
	private Manifest manifest(ZipFile zip) throws IOException, ArchiveRefused {
		ZipEntry entry = zip.getEntry(Manifest.ENTRY);
		if (entry == null) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.notABackup"));
		}
		Manifest manifest;
		try (InputStream in = read(zip, entry)) {
			manifest = SiteArchive.JSON.readValue(in, Manifest.class);
			in.transferTo(OutputStream.nullOutputStream());
		}
		if (!Manifest.FORMAT.equals(manifest.format()) || manifest.tables() == null) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.notABackup"));
		}
		String ours = this.schema.version();
		if (manifest.formatVersion() != Manifest.FORMAT_VERSION || !ours.equals(manifest.schemaVersion())) {
			throw new ArchiveRefused(
					HostNotice.of("backup.refused.version", String.valueOf(manifest.schemaVersion()), ours));
		}
		List<String> expected = BackupTables.ARCHIVED.stream().map(BackupTables.Table::name).toList();
		List<String> named = manifest.tables().stream().map(Manifest.TableEntry::name).toList();
		if (!named.equals(expected)) {
			throw new ArchiveRefused(HostNotice.of("backup.refused.damaged", "tables " + named));
		}
		for (Manifest.TableEntry table : manifest.tables()) {
			if (zip.getEntry(table.entry()) == null) {
				throw new ArchiveRefused(HostNotice.of("backup.refused.damaged", "no " + table.entry()));
			}
		}
		return manifest;
	}

	private void restore(ZipFile zip, Manifest manifest) {
		// Imports and host's edits wait until the restore ends; a second restore too.
		this.jdbc.sql("LOCK TABLE show, episode, person, published_feed_move IN SHARE ROW EXCLUSIVE MODE").update();
		if (!holdsNothingYet()) {
			throw new RefusedInTransaction(new ArchiveRefused(HostNotice.of("backup.refused.notEmpty")));
		}
		// The demo snapshot, and the empty rows the migrations made (feed_state), go.
		for (int i = BackupTables.ARCHIVED.size() - 1; i >= 0; i--) {
			BackupTables.Table table = BackupTables.ARCHIVED.get(i);
			if (!table.keepExisting()) {
				this.jdbc.sql("DELETE FROM " + Schema.quoted(table.name())).update();
			}
		}
		for (int i = 0; i < BackupTables.ARCHIVED.size(); i++) {
			BackupTables.Table table = BackupTables.ARCHIVED.get(i);
			long rows = restoreTable(zip, table, manifest.tables().get(i).entry());
			if (rows != manifest.tables().get(i).rows()) {
				throw new RefusedInTransaction(new ArchiveRefused(HostNotice.of("backup.refused.damaged",
						table.name() + ": " + rows + " rows, the manifest says " + manifest.tables().get(i).rows())));
			}
			for (String column : this.schema.identityColumns(table.name())) {
				// The next episode or person the site makes gets a key after the
				// restored.
				this.jdbc
					.sql("SELECT setval(pg_get_serial_sequence(:table, :column), coalesce(max(" + Schema.quoted(column)
							+ "), 0) + 1, false) FROM " + Schema.quoted(table.name()))
					.param("table", table.name())
					.param("column", column)
					.query()
					.singleValue();
			}
		}
		this.events.publishEvent(new SiteRestored());
	}

	/**
	 * Whether the site has no show of its own feed, no episode of the host's and no
	 * announced move: what it holds then (the demo snapshot) may go.
	 */
	private boolean holdsNothingYet() {
		return this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM show WHERE NOT demo)
					AND NOT EXISTS (SELECT 1 FROM episode WHERE origin = 'HOST')
					AND NOT EXISTS (SELECT 1 FROM published_feed_move)""").query(Boolean.class).single();
	}

	/** Restores a table's rows; answers how many the archive held. */
	private long restoreTable(ZipFile zip, BackupTables.Table table, String entry) {
		List<String> columns = this.schema.writableColumns(table.name());
		String list = columns.stream().map(Schema::quoted).collect(Collectors.joining(", "));
		String conflict = table.keepExisting() ? " ON CONFLICT DO NOTHING" : "";
		String insertBatch = "INSERT INTO " + Schema.quoted(table.name()) + " (" + list + ") SELECT " + list
				+ " FROM jsonb_populate_recordset(NULL::" + Schema.quoted(table.name()) + ", CAST(:rows AS jsonb))"
				+ conflict;
		String insertWithFile = (table.fileColumn() == null) ? ""
				: "INSERT INTO " + Schema.quoted(table.name()) + " (" + list + ") SELECT "
						+ columns.stream()
							.map((column) -> column.equals(table.fileColumn()) ? ":file" : Schema.quoted(column))
							.collect(Collectors.joining(", "))
						+ " FROM jsonb_populate_record(NULL::" + Schema.quoted(table.name()) + ", CAST(:row AS jsonb))"
						+ conflict;
		long count = 0;
		try (InputStream in = read(zip, Objects.requireNonNull(zip.getEntry(entry)));
				JsonParser json = SiteArchive.JSON.createParser(in)) {
			if (json.nextToken() != JsonToken.START_ARRAY) {
				throw new RefusedInTransaction(
						new ArchiveRefused(HostNotice.of("backup.refused.damaged", entry + " is not a list of rows")));
			}
			ArrayNode batch = SiteArchive.JSON.createArrayNode();
			while (json.nextToken() == JsonToken.START_OBJECT) {
				JsonNode row = json.readValueAsTree();
				count++;
				if (table.fileColumn() != null) {
					insertWithFile(zip, insertWithFile, (ObjectNode) row);
				}
				else {
					batch.add(row);
					if (batch.size() == BATCH) {
						this.jdbc.sql(insertBatch).param("rows", batch.toString()).update();
						batch = SiteArchive.JSON.createArrayNode();
					}
				}
			}
			if (json.currentToken() != JsonToken.END_ARRAY) {
				throw new RefusedInTransaction(
						new ArchiveRefused(HostNotice.of("backup.refused.damaged", entry + " is not a list of rows")));
			}
			if (!batch.isEmpty()) {
				this.jdbc.sql(insertBatch).param("rows", batch.toString()).update();
			}
			// To its end, so that its checksum is checked.
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return count;
	}

	private void insertWithFile(ZipFile zip, String insert, ObjectNode row) throws IOException {
		JsonNode name = row.remove(FILE_KEY);
		ZipEntry file = (name != null && name.isString()) ? zip.getEntry(name.asString()) : null;
		if (file == null) {
			throw new RefusedInTransaction(new ArchiveRefused(HostNotice.of("backup.refused.damaged",
					"no file " + ((name != null) ? name.asString() : "named in " + row))));
		}
		byte[] bytes;
		try (InputStream in = read(zip, file)) {
			bytes = in.readNBytes(LARGEST_FILE + 1);
			in.transferTo(OutputStream.nullOutputStream());
		}
		if (bytes.length > LARGEST_FILE) {
			throw new RefusedInTransaction(
					new ArchiveRefused(HostNotice.of("backup.refused.damaged", name.asString() + " is too large")));
		}
		this.jdbc.sql(insert).param("row", row.toString()).param("file", bytes).update();
	}

	/**
	 * An entry's bytes, checked against the CRC the archive has for them once read to the
	 * end ({@link ZipFile} does not check it): a damaged archive is refused, not restored
	 * with damaged rows.
	 */
	private static InputStream read(ZipFile zip, ZipEntry entry) throws IOException {
		long expected = entry.getCrc();
		return new CheckedInputStream(zip.getInputStream(entry), new CRC32()) {

			private boolean checked;

			@Override
			public int read() throws IOException {
				return check(super.read());
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				return check(super.read(bytes, offset, length));
			}

			private int check(int read) throws ZipException {
				if (read == -1 && !this.checked) {
					this.checked = true;
					if (expected != -1 && getChecksum().getValue() != expected) {
						throw new ZipException(entry.getName() + " does not match its checksum");
					}
				}
				return read;
			}

		};
	}

	/** A refusal found inside the transaction, which rolls it back. */
	private static final class RefusedInTransaction extends RuntimeException {

		private final ArchiveRefused refused;

		RefusedInTransaction(ArchiveRefused refused) {
			super(refused.getMessage(), null, false, false);
			this.refused = refused;
		}

	}

}
