package dev.podsite.admin;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host does not wait for imports, so both may pick the same slug at the same moment:
 * neither fails for it. A gate (a trigger waiting on an advisory lock the test holds)
 * stops one side's insert until the other has taken the slug.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SlugCollisionTests {

	private static final String DATE = "Mon, 01 Jan 2024 10:00:00 +0000";

	private static final long GATE = 0x736c7567L;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@TempDir
	private Path dir;

	private HostSession host;

	@BeforeEach
	void aShowAndTheHostSignedIn() {
		Database.clear(this.jdbc);
		importFeed(item("1", "First", DATE, ""));
		this.host = new HostSession(this.port);
		assertThat(this.host.signIn().statusCode()).isEqualTo(302);
	}

	@AfterEach
	void openTheGate() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS slug_gate ON episode");
	}

	@Test
	void anImportWhoseSlugTheHostTookMeanwhileTakesTheNextOneAndSaysSo() throws Exception {
		CompletableFuture<ImportRun> importing;
		try (Gate gate = closeGateFor("FEED")) {
			importing = CompletableFuture
				.supplyAsync(() -> importFeed(item("1", "First", DATE, ""), item("2", "Rust at scale", DATE, "")));
			awaitWaitingAtTheGate();
			HttpResponse<String> created = this.host
				.submit(this.host.form("/admin/episodes/new", "/new").set("title", "Rust at scale"));
			assertThat(created.statusCode()).isEqualTo(302);
		}
		ImportRun run = importing.get(20, TimeUnit.SECONDS);
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(run.getWarnings()).anySatisfy((warning) -> assertThat(warning)
			.contains("/episodes/rust-at-scale was taken", "it is at /episodes/rust-at-scale-2"));
		assertThat(this.jdbc.queryForList(
				"SELECT origin || ' ' || slug FROM episode WHERE title = 'Rust at scale'" + " ORDER BY slug",
				String.class))
			.containsExactly("HOST rust-at-scale", "FEED rust-at-scale-2");
	}

	@Test
	void aSlugMadeFromTheTitleThatAnImportTookMeanwhileIsNotTheHostsProblem() throws Exception {
		CompletableFuture<HttpResponse<String>> saving;
		try (Gate gate = closeGateFor("HOST")) {
			BrowserForm form = this.host.form("/admin/episodes/new", "/new").set("title", "Same");
			saving = CompletableFuture.supplyAsync(() -> this.host.submit(form));
			awaitWaitingAtTheGate();
			// As an import would: the slug the host's form was given by the title.
			this.jdbc.update("INSERT INTO episode (show_id, identity, guid, slug, title, published_at, content_hash)"
					+ " SELECT id, 'other', 'other', 'same', 'Same', now(), '' FROM show");
		}
		HttpResponse<String> saved = saving.get(20, TimeUnit.SECONDS);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(this.jdbc.queryForObject("SELECT slug FROM episode WHERE origin = 'HOST'", String.class))
			.isEqualTo("same-2");
	}

	@Test
	void aSlugTheHostTypedThatWasTakenMeanwhileIsSaidToBeTaken() throws Exception {
		CompletableFuture<HttpResponse<String>> saving;
		try (Gate gate = closeGateFor("HOST")) {
			BrowserForm form = this.host.form("/admin/episodes/new", "/new").set("title", "Mine").set("slug", "wanted");
			saving = CompletableFuture.supplyAsync(() -> this.host.submit(form));
			awaitWaitingAtTheGate();
			this.jdbc.update("INSERT INTO episode (show_id, identity, guid, slug, title, published_at, content_hash)"
					+ " SELECT id, 'other', 'other', 'wanted', 'Theirs', now(), '' FROM show");
		}
		HttpResponse<String> refused = saving.get(20, TimeUnit.SECONDS);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Another episode has this slug; choose another.");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM episode WHERE origin = 'HOST'", Integer.class))
			.isZero();
	}

	/**
	 * Holds inserts of episodes from {@code origin} until the gate is closed again.
	 */
	private Gate closeGateFor(String origin) throws Exception {
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION slug_gate() RETURNS trigger AS $$
				BEGIN PERFORM pg_advisory_xact_lock_shared(%d); RETURN NEW; END $$ LANGUAGE plpgsql
				""".formatted(GATE));
		this.jdbc.execute("CREATE TRIGGER slug_gate BEFORE INSERT ON episode FOR EACH ROW WHEN (NEW.origin = '" + origin
				+ "') EXECUTE FUNCTION slug_gate()");
		Connection connection = this.dataSource.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + GATE + ")");
		}
		return () -> {
			// A pooled connection outlives close(): the lock must be let go by hand.
			try (connection; Statement statement = connection.createStatement()) {
				statement.execute("SELECT pg_advisory_unlock(" + GATE + ")");
			}
		};
	}

	private interface Gate extends AutoCloseable {

		@Override
		void close() throws Exception;

	}

	private void awaitWaitingAtTheGate() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			Integer waiting = this.jdbc.queryForObject(
					"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ? AND NOT granted",
					Integer.class, GATE);
			if (waiting != null && waiting > 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Nothing waited at the gate");
	}

	private ImportRun importFeed(String... items) {
		return new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), rss("", items));
	}

}
