package dev.podsite.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import dev.podsite.support.SiteProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole site's data as one ZIP archive, and back. The archive is written as it is
 * read: each table's rows come from PostgreSQL a few hundred at a time, so a show of
 * thousands of episodes with their transcripts takes no more memory than a small one.
 */
@Service
public class SiteArchive {

	/** Rows fetched from the database at a time. */
	static final int FETCH_SIZE = 500;

	/** Uploaded files fetched at a time: each may be a few megabytes. */
	static final int FILE_FETCH_SIZE = 4;

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.build();

	private final JdbcTemplate streaming;

	private final Schema schema;

	private final TransactionTemplate snapshot;

	private final Clock clock;

	private final SiteProperties site;

	private final ArchiveRestore restore;

	SiteArchive(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			SiteProperties site, ApplicationEventPublisher events) {
		this.streaming = new JdbcTemplate(dataSource);
		// PostgreSQL's driver reads a result in pieces only inside a transaction.
		this.streaming.setFetchSize(FETCH_SIZE);
		this.schema = new Schema(jdbc);
		this.snapshot = new TransactionTemplate(transactions);
		// One snapshot for every table: the archive is the site at one moment.
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.clock = clock;
		this.site = site;
		this.restore = new ArchiveRestore(jdbc, this.schema, new TransactionTemplate(transactions), events);
	}

	/**
	 * The name a downloaded archive is saved as: {@code podsite-backup-2026-12-01.zip}.
	 */
	public String filename() {
		return "podsite-backup-" + LocalDate.ofInstant(this.clock.instant(), this.site.timeZone()) + ".zip";
	}

	/**
	 * Writes the archive to {@code out}, which it leaves open.
	 */
	public void write(OutputStream out) {
		this.snapshot.executeWithoutResult((status) -> {
			try (ZipOutputStream zip = new ZipOutputStream(leftOpen(out))) {
				writeArchive(zip);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** {@code out}, which closing flushes but leaves open (a response's stream). */
	private static OutputStream leftOpen(OutputStream out) {
		return new FilterOutputStream(out) {

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush();
			}

		};
	}

	private void writeArchive(ZipOutputStream zip) throws IOException {
		List<Manifest.TableEntry> entries = new ArrayList<>();
		for (BackupTables.Table table : BackupTables.ARCHIVED) {
			Long rows = this.streaming.queryForObject("SELECT count(*) FROM " + Schema.quoted(table.name()),
					Long.class);
			entries.add(new Manifest.TableEntry(table.name(), table.entry(), (rows != null) ? rows : 0));
		}
		zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
		JSON.writerWithDefaultPrettyPrinter()
			.writeValue(zip, new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, this.schema.version(),
					this.clock.instant(), entries));
		zip.closeEntry();
		for (BackupTables.Table table : BackupTables.ARCHIVED) {
			writeRows(zip, table);
			if (table.fileColumn() != null) {
				writeFiles(zip, table);
			}
		}
	}

	/**
	 * The table's rows as PostgreSQL writes them as JSON ({@code to_jsonb}): every column
	 * as its own type reads it back, timestamps to the microsecond, numbers exactly.
	 */
	private void writeRows(ZipOutputStream zip, BackupTables.Table table) throws IOException {
		List<String> leftOut = new ArrayList<>(this.schema.generatedColumns(table.name()));
		String file = "";
		if (table.fileColumn() != null) {
			leftOut.add(table.fileColumn());
			file = " || jsonb_build_object('" + ArchiveRestore.FILE_KEY + "', " + table.fileEntry() + ")";
		}
		zip.putNextEntry(new ZipEntry(table.entry()));
		JsonGenerator json = JSON.createGenerator(zip);
		json.writeStartArray();
		String columns = leftOut.stream()
			.map((column) -> "'" + column + "'")
			.collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
		this.streaming.query("SELECT (to_jsonb(t) - " + columns + ")" + file + " FROM " + Schema.quoted(table.name())
				+ " t ORDER BY " + table.orderBy(), (row) -> {
					json.writeRawValue(row.getString(1));
				});
		json.writeEndArray();
		json.close();
		zip.closeEntry();
	}

	/** Each file of the table as an entry of its own, with the name its row gives. */
	private void writeFiles(ZipOutputStream zip, BackupTables.Table table) {
		JdbcTemplate files = new JdbcTemplate(this.streaming.getDataSource());
		files.setFetchSize(FILE_FETCH_SIZE);
		files.query("SELECT " + table.fileEntry() + ", " + Schema.quoted(table.fileColumn()) + " FROM "
				+ Schema.quoted(table.name()) + " t ORDER BY " + table.orderBy(), (row) -> {
					try {
						zip.putNextEntry(new ZipEntry(row.getString(1)));
						zip.write(row.getBytes(2));
						zip.closeEntry();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
	}

	/**
	 * Restores the archive at {@code archive} into this site, which must hold nothing yet
	 * but the demo snapshot, in one transaction.
	 * @throws ArchiveRefused when the archive is not a backup of this site's schema, is
	 * damaged, or the site holds data already; the site is as it was
	 */
	public void restore(Path archive) throws ArchiveRefused {
		this.restore.restore(archive);
	}

}
