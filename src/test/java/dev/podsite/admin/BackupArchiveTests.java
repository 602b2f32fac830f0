package dev.podsite.admin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.podsite.PodsiteApplication;
import dev.podsite.feedimport.ImportRun;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.feedimport.ImporterHarness;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static dev.podsite.feedimport.TestFeeds.item;
import static dev.podsite.feedimport.TestFeeds.rss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The host's backup over real HTTP: the signed-in host downloads the whole site as one
 * archive, and a new site on an empty database started from it serves the same pages and
 * the same feed, byte for byte, with the host's edits, new episode and uploaded files.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackupArchiveTests {

	private static final String CHAPTERS = """
			<psc:chapters xmlns:psc="http://podlove.org/simple-chapters" version="1.2">
			  <psc:chapter start="00:00:00" title="Hello"/>
			  <psc:chapter start="00:01:30" title="Ownership"/>
			</psc:chapters>""";

	private static final byte[] VTT = """
			WEBVTT

			00:00:01.000 --> 00:00:04.000
			<v Host>Welcome to the restored show.

			00:00:04.000 --> 00:00:09.000
			<v Guest>Every word survives.
			""".getBytes(StandardCharsets.UTF_8);

	/** What differs from one request to the next on the same page. */
	private static final Pattern REQUEST_SPECIFIC = Pattern.compile("name=\"_csrf\" value=\"[^\"]*\"");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@LocalServerPort
	private int port;

	@TempDir
	private Path dir;

	private SiteHttp site;

	private HostSession host;

	@BeforeEach
	void aShowTheHostEdited() {
		Database.clear(this.jdbc);
		ImportRun run = new ImporterHarness(this.context).importXml(this.dir.resolve("feed.xml"), rss(
				"<podcast:person role=\"host\" href=\"https://ann.example/\">Ann Host</podcast:person>",
				item("1", "Borrowing", "Mon, 01 Jan 2024 10:00:00 +0000",
						"<enclosure url=\"https://cdn.example/1.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
								+ "<description>First &lt;b&gt;notes&lt;/b&gt;</description>"
								+ "<podcast:person role=\"guest\">Bo Guest</podcast:person>" + CHAPTERS),
				item("2", "Lifetimes", "Mon, 08 Jan 2024 10:00:00 +0000",
						"<enclosure url=\"https://cdn.example/2.mp3\" length=\"2000\" type=\"audio/mpeg\"/>"
								+ "<podcast:person role=\"guest\">Cy Guest</podcast:person>"
								+ "<podcast:transcript url=\"https://files.example/2.vtt\" type=\"text/vtt\"/>"),
				item("3", "Traits", "Mon, 15 Jan 2024 10:00:00 +0000",
						"<enclosure url=\"https://cdn.example/3.mp3\" length=\"3000\" type=\"audio/mpeg\"/>"
								+ "<podcast:person role=\"guest\">Bo Guest</podcast:person>" + CHAPTERS)));
		assertThat(run.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		this.site = new SiteHttp(this.port);
		this.host = new HostSession(this.port);
		assertThat(this.host.signIn().statusCode()).isEqualTo(302);
	}

	@Test
	void aNewSiteStartedFromTheArchiveServesTheSamePagesAndFeed() throws Exception {
		long edited = this.jdbc.queryForObject("SELECT id FROM episode WHERE title = 'Lifetimes'", Long.class);
		assertThat(this.host
			.submit(this.host.form("/admin/episodes/" + edited + "/edit", "/edit")
				.set("title", "Lifetimes, as the host says")
				.set("notes", "The host's notes, with [a link](https://host.example/)."))
			.statusCode()).isEqualTo(302);
		assertThat(this.host
			.submit(this.host.form("/admin/episodes/new", "/admin/episodes/new")
				.set("title", "Written here")
				.set("notes", "Only on the site.")
				.set("audioUrl", "https://cdn.example/here.mp3")
				.set("audioLength", "4000")
				.set("duration", "12:34")
				.set("status", "PUBLISHED"))
			.statusCode()).isEqualTo(302);
		HttpResponse<byte[]> uploaded = this.site.postFile("/admin/episodes/" + edited + "/files/transcript",
				Map.of("_csrf", csrf("/admin/episodes/" + edited + "/edit")), "file", "words.vtt", "text/vtt", VTT,
				"Cookie", session());
		assertThat(uploaded.statusCode()).isEqualTo(302);

		HttpResponse<byte[]> download = this.site.post("/admin/backup", Map.of("_csrf", csrf("/admin")), "Cookie",
				session());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.matches("attachment; filename=\"podsite-backup-\\d{4}-\\d{2}-\\d{2}\\.zip\"");
		List<String> entries = entries(download.body());
		assertThat(entries.get(0)).isEqualTo("manifest.json");
		assertThat(entries)
			.contains("tables/episode.json", "tables/episode_transcript_cue.json",
					"files/episode_file/" + edited + "/transcript.vtt")
			.noneMatch((entry) -> entry.contains("session") || entry.contains("sign_in"));
		Path archive = Files.write(this.dir.resolve("backup.zip"), download.body());

		List<String> paths = new ArrayList<>(List.of("/", "/episodes", "/people"));
		this.jdbc.queryForList("SELECT slug FROM episode WHERE listed ORDER BY id", String.class)
			.forEach((slug) -> paths.add("/episodes/" + slug));
		this.jdbc.queryForList("SELECT slug FROM person ORDER BY id", String.class)
			.forEach((slug) -> paths.add("/people/" + slug));
		assertThat(paths).hasSizeGreaterThan(9);

		String database = "restored" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.execute("CREATE DATABASE " + database);
		try (ConfigurableApplicationContext restored = startSite(database, archive)) {
			int restoredPort = Integer.parseInt(restored.getEnvironment().getRequiredProperty("local.server.port"));
			SiteHttp restoredSite = new SiteHttp(restoredPort);
			for (String path : paths) {
				assertThat(page(restoredSite, path)).as(path).isEqualTo(page(this.site, path));
			}
			assertThat(restoredSite.body("/feed.xml")).isEqualTo(this.site.body("/feed.xml"));
			assertThat(restoredSite.body("/episodes/lifetimes/transcript.vtt")).isEqualTo(VTT);

			JdbcTemplate restoredDb = restored.getBean(JdbcTemplate.class);
			String hostsEpisode = "SELECT title, overrides::text, feed_values::text, notes_markdown, origin"
					+ " FROM episode ORDER BY id";
			assertThat(restoredDb.queryForList(hostsEpisode)).isEqualTo(this.jdbc.queryForList(hostsEpisode));
			// The hash itself, not one made again from the configured password.
			assertThat(restoredDb.queryForList("SELECT username, password_hash FROM admin_account"))
				.isEqualTo(this.jdbc.queryForList("SELECT username, password_hash FROM admin_account"));
			assertThat(restoredDb.queryForObject("SELECT count(*) FROM spring_session", Integer.class)).isZero();
			// Search is indexed again by the database's triggers.
			assertThat(restoredDb.queryForObject("SELECT count(*) FROM episode_search", Integer.class)).isEqualTo(4);
			assertThat(restoredDb.queryForObject("SELECT count(*) FROM episode_transcript_window", Integer.class))
				.isPositive();
			// A new person or episode gets a key of its own, after the restored ones.
			restoredDb.update("INSERT INTO person (slug, name) VALUES ('new-person', 'New Person')");

			HostSession restoredHost = new HostSession(restoredPort);
			assertThat(restoredHost.signIn().statusCode()).isEqualTo(302);
			assertThat(restoredHost.get("/admin/episodes").body()).contains("Lifetimes, as the host says",
					"Written here");
		}
		finally {
			this.jdbc.execute("DROP DATABASE " + database + " WITH (FORCE)");
		}
	}

	@Test
	void aSiteThatHoldsDataAlreadyIsNotRestoredOver() throws Exception {
		HttpResponse<byte[]> download = this.site.post("/admin/backup", Map.of("_csrf", csrf("/admin")), "Cookie",
				session());
		Path archive = Files.write(this.dir.resolve("backup.zip"), download.body());
		List<Map<String, Object>> before = this.jdbc.queryForList("SELECT id, title, updated_at FROM episode");
		// This very site: it has a show of its own feed.
		try (ConfigurableApplicationContext again = startSite(currentDatabase(), archive)) {
			assertThat(this.jdbc.queryForList("SELECT id, title, updated_at FROM episode")).isEqualTo(before);
		}
	}

	@Test
	void anyoneElseIsRefusedTheArchive() {
		HttpResponse<byte[]> anonymous = this.site.post("/admin/backup", Map.of());
		assertThat(anonymous.statusCode()).isEqualTo(403);
		String anonymousSession = String.join("; ",
				this.site.get("/login")
					.headers()
					.allValues("Set-Cookie")
					.stream()
					.map((c) -> c.split(";")[0])
					.toList());
		HttpResponse<byte[]> withToken = this.site.post("/admin/backup",
				Map.of("_csrf", SiteHttp.csrfToken(this.site.get("/login", "Cookie", anonymousSession).body())),
				"Cookie", anonymousSession);
		assertThat(withToken.statusCode()).isEqualTo(302);
		assertThat(withToken.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		assertThat(withToken.body()).isEmpty();
		HttpResponse<byte[]> get = this.site.get("/admin/backup");
		assertThat(get.statusCode()).isEqualTo(302);
		// The host without the form's token is refused too.
		assertThat(this.site.post("/admin/backup", Map.of(), "Cookie", session()).statusCode()).isEqualTo(403);
	}

	@Test
	void aDamagedArchiveStopsTheStartAndChangesNothing() throws Exception {
		HttpResponse<byte[]> download = this.site.post("/admin/backup", Map.of("_csrf", csrf("/admin")), "Cookie",
				session());
		byte[] damaged = download.body().clone();
		// Bytes in the middle of the rows: a CRC no longer matches, or the deflate
		// breaks.
		for (int i = damaged.length / 3; i < damaged.length / 3 + 64; i++) {
			damaged[i] ^= 0x5a;
		}
		Path archive = Files.write(this.dir.resolve("damaged.zip"), damaged);
		Path notAZip = Files.writeString(this.dir.resolve("notes.zip"), "not a zip at all");
		String database = "damaged" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.execute("CREATE DATABASE " + database);
		try {
			for (Path refused : List.of(archive, notAZip)) {
				assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> startSite(database, refused).close())
					.satisfies((ex) -> assertThat(rootMessages(ex)).contains("Could not restore the site from"));
				JdbcTemplate db = jdbcOf(database);
				assertThat(db.queryForObject("SELECT count(*) FROM show", Integer.class)).isZero();
				assertThat(db.queryForObject("SELECT count(*) FROM episode", Integer.class)).isZero();
				assertThat(db.queryForObject("SELECT count(*) FROM person", Integer.class)).isZero();
				assertThat(db.queryForObject("SELECT count(*) FROM feed_state", Integer.class))
					.as("the migration's row, as it was")
					.isOne();
			}
		}
		finally {
			this.jdbc.execute("DROP DATABASE " + database + " WITH (FORCE)");
		}
	}

	private static String rootMessages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	/** The site on {@code database} of the test server, started from {@code archive}. */
	private static ConfigurableApplicationContext startSite(String database, Path archive) {
		String url = TestDatabase.connection().url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		return new SpringApplicationBuilder(PodsiteApplication.class)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("restoredSite", Map.of("spring.datasource.url", url, "server.port", "0",
						"podsite.backup.restore-from", archive.toString()))))
			.run();
	}

	private String currentDatabase() {
		return this.jdbc.queryForObject("SELECT current_database()", String.class);
	}

	private static JdbcTemplate jdbcOf(String database) {
		TestDatabase.Connection db = TestDatabase.connection();
		return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
				db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"), db.username(), db.password()));
	}

	private static String page(SiteHttp site, String path) {
		return REQUEST_SPECIFIC.matcher(new String(site.body(path), StandardCharsets.UTF_8)).replaceAll("_csrf");
	}

	private String session() {
		return "SESSION=" + this.host.cookie("SESSION").orElseThrow();
	}

	private String csrf(String path) {
		HttpResponse<byte[]> page = this.site.get(path, "Cookie", session());
		assertThat(page.statusCode()).isEqualTo(200);
		return SiteHttp.csrfToken(page.body());
	}

	private static List<String> entries(byte[] zip) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
