package dev.podsite.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The archive's contents and its refusals, on the real PostgreSQL: every table of the
 * schema is archived or left out on purpose, rows are read from the database a bounded
 * number at a time, and an archive of another schema or over a site with data changes
 * nothing.
 */
@SpringBootTest
class SiteArchiveTests {

	@Autowired
	private SiteArchive archive;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private JdbcClient jdbcClient;

	@Autowired
	private ApplicationContext context;

	@TempDir
	private Path dir;

	@BeforeEach
	void aShowWithPeople() {
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/podcasting20-show_pc20rss_56items.xml"));
	}

	@Test
	void everyTableIsArchivedOrLeftOutOnPurpose() {
		List<String> decided = new ArrayList<>(BackupTables.LEFT_OUT.keySet());
		BackupTables.ARCHIVED.forEach((table) -> decided.add(table.name()));
		assertThat(new Schema(this.jdbcClient).tables()).as("a new table: archive it, or say why not")
			.containsExactlyInAnyOrderElementsOf(decided);
	}

	@Test
	void theManifestNamesTheSchemaAndTheRowsOfEachTable() throws IOException {
		byte[] zip = write();
		Map<String, byte[]> entries = entries(zip);
		Manifest manifest = SiteArchive.JSON.readValue(entries.get(Manifest.ENTRY), Manifest.class);
		assertThat(manifest.format()).isEqualTo("podsite-backup");
		assertThat(manifest.schemaVersion()).isEqualTo(new Schema(this.jdbcClient).version());
		assertThat(manifest.tables()).extracting(Manifest.TableEntry::name)
			.containsExactlyElementsOf(BackupTables.ARCHIVED.stream().map(BackupTables.Table::name).toList());
		for (Manifest.TableEntry table : manifest.tables()) {
			assertThat(SiteArchive.JSON.readTree(entries.get(table.entry())).size()).as(table.name())
				.isEqualTo(table.rows());
		}
		assertThat(manifest.tables().stream().filter((table) -> table.name().equals("episode")).findFirst())
			.hasValueSatisfying((table) -> assertThat(table.rows()).isEqualTo(56));
		String episodes = new String(entries.get("tables/episode.json"), StandardCharsets.UTF_8);
		assertThat(episodes).contains("\"overrides\":", "\"feed_values\":").doesNotContain("\"listed\"");
	}

	@Test
	void rowsAreReadFromTheDatabaseABoundedNumberAtATime() {
		// PostgreSQL's driver says how many rows each Execute asks for: 0 is all of them.
		Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
		List<String> executes = new ArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				if (record.getMessage().contains("FE=> Execute") && Thread.currentThread().getName().equals("main")) {
					executes.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Level level = driver.getLevel();
		driver.setLevel(Level.FINEST);
		driver.addHandler(handler);
		try {
			this.archive.write(OutputStream.nullOutputStream());
		}
		finally {
			driver.removeHandler(handler);
			driver.setLevel(level);
		}
		assertThat(executes).isNotEmpty();
		assertThat(executes.stream().filter((execute) -> execute.contains("limit=" + SiteArchive.FETCH_SIZE + ")")))
			.as("the tables' rows: %s", executes)
			.hasSizeGreaterThanOrEqualTo(BackupTables.ARCHIVED.size());
		assertThat(executes).as("the uploaded files")
			.anyMatch((execute) -> execute.contains("limit=" + SiteArchive.FILE_FETCH_SIZE + ")"));
	}

	@Test
	void anArchiveOfAnotherSchemaIsRefusedAndChangesNothing() throws IOException {
		Path archive = rewritten(write(),
				(manifest) -> manifest.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"999\""));
		List<Map<String, Object>> before = this.jdbc.queryForList("SELECT id, title, version FROM episode ORDER BY id");
		assertThatExceptionOfType(ArchiveRefused.class).isThrownBy(() -> this.archive.restore(archive))
			.satisfies((refused) -> assertThat(refused.reason().code()).isEqualTo("backup.refused.version"))
			.withMessageContaining("schema version 999");
		assertThat(this.jdbc.queryForList("SELECT id, title, version FROM episode ORDER BY id")).isEqualTo(before);
	}

	@Test
	void aSiteWithAShowOfItsOwnIsNotRestoredOver() throws IOException {
		Path archive = Files.write(this.dir.resolve("backup.zip"), write());
		this.jdbc.update("UPDATE episode SET title = 'Changed since' WHERE id = (SELECT min(id) FROM episode)");
		List<Map<String, Object>> before = this.jdbc.queryForList("SELECT id, title, version FROM episode ORDER BY id");
		assertThatExceptionOfType(ArchiveRefused.class).isThrownBy(() -> this.archive.restore(archive))
			.satisfies((refused) -> assertThat(refused.reason().code()).isEqualTo("backup.refused.notEmpty"));
		assertThat(this.jdbc.queryForList("SELECT id, title, version FROM episode ORDER BY id")).isEqualTo(before);
	}

	@Test
	void theDemoSnapshotMakesWayForTheArchive() throws Exception {
		Path archive = Files.write(this.dir.resolve("backup.zip"), write());
		List<Map<String, Object>> archived = this.jdbc
			.queryForList("SELECT id, slug, title, notes_html, updated_at FROM episode ORDER BY id");
		Database.clear(this.jdbc);
		new ImporterHarness(this.context).importFrom(Fixtures.feed("real/launched_fireside_podcasting20.xml"));
		this.jdbc.update("UPDATE show SET demo = true");
		this.archive.restore(archive);
		assertThat(this.jdbc.queryForList("SELECT id, slug, title, notes_html, updated_at FROM episode ORDER BY id"))
			.isEqualTo(archived);
		assertThat(this.jdbc.queryForObject("SELECT bool_or(demo) FROM show", Boolean.class)).isFalse();
	}

	private byte[] write() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.archive.write(out);
		return out.toByteArray();
	}

	/** The archive with its manifest rewritten. */
	private Path rewritten(byte[] zip, java.util.function.UnaryOperator<String> manifest) throws IOException {
		Path file = this.dir.resolve("rewritten.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getKey().equals(Manifest.ENTRY)
						? manifest.apply(new String(entry.getValue(), StandardCharsets.UTF_8))
							.getBytes(StandardCharsets.UTF_8)
						: entry.getValue());
				out.closeEntry();
			}
		}
		return file;
	}

	private static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
