package dev.podsite.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.episode.EpisodeState;
import dev.podsite.episode.EpisodeStatus;
import dev.podsite.feedimport.FeedImporter;
import dev.podsite.feedimport.ImportStatus;
import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operating the site, over real HTTP: the probes public and without details, everything
 * else of the management endpoints for the signed-in host alone, and the site's own
 * metrics in Prometheus's format.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperationsHttpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What anonymous visitors must not read, in the spellings a filter might miss. */
	private static final String[] CLOSED = { "/actuator", "/actuator/", "/actuator/info", "/actuator/metrics",
			"/actuator/metrics/jvm.memory.used", "/actuator/prometheus", "/actuator/prometheus/",
			"/actuator/%70rometheus", "/actuator/prometheus;x=y", "/actuator;x=y/prometheus", "/ACTUATOR/prometheus",
			"/Actuator/prometheus", "/actuator//prometheus", "/./actuator/prometheus", "/assets/../actuator/prometheus",
			"/actuator/env", "/actuator/env/spring.datasource.password", "/actuator/heapdump", "/actuator/threaddump",
			"/actuator/configprops", "/actuator/beans", "/actuator/loggers", "/actuator/mappings", "/actuator/shutdown",
			"/actuator/health/db", "/actuator/health/show" };

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private FeedImporter importer;

	private SiteHttp site;

	@BeforeEach
	void emptySite() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
	}

	@Test
	void readinessIsDownUntilTheFirstImportGivesTheSiteAShow() {
		HttpResponse<byte[]> before = this.site.get("/actuator/health/readiness");
		assertThat(before.statusCode()).isEqualTo(503);
		assertThat(json(before).get("status").asString()).isEqualTo("DOWN");

		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.SUCCEEDED);

		HttpResponse<byte[]> after = this.site.get("/actuator/health/readiness");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(json(after).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void livenessIsUpEvenBeforeTheFirstImport() {
		for (String path : new String[] { "/actuator/health/liveness", "/livez" }) {
			HttpResponse<byte[]> liveness = this.site.get(path);
			assertThat(liveness.statusCode()).as(path).isEqualTo(200);
			assertThat(json(liveness).get("status").asString()).as(path).isEqualTo("UP");
		}
		assertThat(this.site.get("/readyz").statusCode()).isEqualTo(503);
	}

	@Test
	void healthTellsAnonymousVisitorsTheStatusAloneAndTheHostItsParts() {
		this.importer.importNow();
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness" }) {
			HttpResponse<byte[]> health = this.site.get(path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			JsonNode body = json(health);
			assertThat(body.has("components")).as(path).isFalse();
			assertThat(body.has("details")).as(path).isFalse();
			assertThat(new String(health.body(), StandardCharsets.UTF_8)).as(path)
				.doesNotContain("PostgreSQL")
				.doesNotContain("database");
		}
		HttpResponse<byte[]> forTheHost = this.site.get("/actuator/health/readiness", "Cookie",
				this.site.hostSession());
		JsonNode components = json(forTheHost).get("components");
		assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
		assertThat(components.get("show").get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theOtherEndpointsAreClosedToAnonymousVisitorsWhateverTheSpelling() {
		for (String path : CLOSED) {
			HttpResponse<byte[]> response = this.site.get(path);
			String body = new String(response.body(), StandardCharsets.UTF_8);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200).isBetween(300, 499);
			assertThat(body).as(path)
				.doesNotContain("jvm_")
				.doesNotContain("jvm.memory")
				.doesNotContain("\"git\"")
				.doesNotContain("\"_links\"")
				.doesNotContain("propertySources");
		}
		// The endpoints offered ask for the sign-in; the others (env, heapdump) are not
		// there at all.
		for (String path : new String[] { "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus",
				"/actuator/%70rometheus", "/actuator/prometheus/" }) {
			HttpResponse<byte[]> response = this.site.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).hasValue(this.site.url("/login"));
		}
	}

	@Test
	void theSignedInHostReadsInfoAndMetrics() throws Exception {
		String host = this.site.hostSession();
		for (String path : new String[] { "/actuator/info", "/actuator/metrics", "/actuator/prometheus",
				"/actuator/metrics/podsite.feed.requests" }) {
			assertThat(this.site.get(path, "Cookie", host).statusCode()).as(path).isEqualTo(200);
		}
		// Not offered at all: the host has no use for them, an intruder with the host's
		// session would.
		for (String path : new String[] { "/actuator/env", "/actuator/heapdump", "/actuator/shutdown" }) {
			assertThat(this.site.get(path, "Cookie", host).statusCode()).as(path).isEqualTo(404);
		}
		JsonNode info = json(this.site.get("/actuator/info", "Cookie", host));
		assertThat(info.get("build").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		ClassPathResource git = new ClassPathResource("git.properties");
		if (git.exists()) {
			Properties built = PropertiesLoaderUtils.loadProperties(git);
			if (built.getProperty("git.commit.id") != null) {
				assertThat(info.get("git").get("commit").get("id").asString())
					.isEqualTo(built.getProperty("git.commit.id.abbrev"));
			}
		}
	}

	@Test
	void prometheusCountsImportsEpisodesFeedRequestsKeptPagesAndFailedSignIns() {
		String host = this.site.hostSession();
		String before = prometheus(host);

		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(this.importer.importNow().getStatus()).isEqualTo(ImportStatus.UNCHANGED);
		// Episodes in other states than published, behind the site's back.
		this.jdbc.update("UPDATE episode SET deleted_at = now() WHERE id = (SELECT min(id) FROM episode)");
		this.jdbc.update("UPDATE episode SET status = 'DRAFT' WHERE id = (SELECT max(id) FROM episode)");

		HttpResponse<byte[]> feed = this.site.get("/feed.xml");
		assertThat(feed.statusCode()).isEqualTo(200);
		String etag = feed.headers().firstValue("ETag").orElseThrow();
		assertThat(this.site.get("/feed.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(this.site.get("/feed.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);

		this.site.body("/episodes");
		this.site.body("/episodes");
		this.site.body("/episodes");

		assertThat(this.site.signIn("intruder", "guess").headers().firstValue("Location")).get()
			.asString()
			.endsWith("/login?error");

		String after = prometheus(host);
		assertThat(sample(after, "podsite_import_seconds_count", "outcome", "succeeded")
				- sample(before, "podsite_import_seconds_count", "outcome", "succeeded"))
			.isEqualTo(1);
		assertThat(sample(after, "podsite_import_seconds_count", "outcome", "unchanged")
				- sample(before, "podsite_import_seconds_count", "outcome", "unchanged"))
			.isEqualTo(1);
		assertThat(sample(after, "podsite_import_seconds_sum", "outcome", "succeeded")).isGreaterThan(0);
		assertThat(sample(after, "podsite_import_seconds_count", "outcome", "failed")
				- sample(before, "podsite_import_seconds_count", "outcome", "failed"))
			.isZero();

		Map<EpisodeState, Long> expected = episodesByState();
		assertThat(expected.get(EpisodeState.PUBLISHED)).isPositive();
		assertThat(expected.get(EpisodeState.DELETED)).isEqualTo(1);
		assertThat(expected.get(EpisodeState.DRAFT)).isEqualTo(1);
		for (EpisodeState state : EpisodeState.values()) {
			assertThat(sample(after, "podsite_episodes", "state", state.name().toLowerCase(Locale.ROOT)))
				.as(state.name())
				.isEqualTo(expected.get(state).doubleValue());
		}

		assertThat(delta(before, after, "podsite_feed_requests_total", "status", "200")).isEqualTo(1);
		assertThat(delta(before, after, "podsite_feed_requests_total", "status", "304")).isEqualTo(2);
		assertThat(delta(before, after, "podsite_page_cache_lookups_total", "result", "miss")).isEqualTo(1);
		assertThat(delta(before, after, "podsite_page_cache_lookups_total", "result", "hit")).isEqualTo(2);
		assertThat(delta(before, after, "podsite_sign_in_failures_total", "reason", "bad_credentials")).isEqualTo(1);
		// Rendered pages are timed per address pattern; kept ones are not observed.
		assertThat(after).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/episodes\"");
		// No timers for each security filter of each rendered request.
		assertThat(after).doesNotContain("spring_security_");
	}

	private String prometheus(String host) {
		HttpResponse<byte[]> response = this.site.get("/actuator/prometheus", "Cookie", host);
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private Map<EpisodeState, Long> episodesByState() {
		Instant now = Instant.now();
		Map<EpisodeState, Long> counts = new EnumMap<>(EpisodeState.class);
		for (EpisodeState state : EpisodeState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("SELECT deleted_at, hidden, status, published_at FROM episode", (row) -> {
			Timestamp deletedAt = row.getTimestamp("deleted_at");
			EpisodeState state = EpisodeState.of((deletedAt != null) ? deletedAt.toInstant() : null,
					row.getBoolean("hidden"), EpisodeStatus.valueOf(row.getString("status")),
					row.getTimestamp("published_at").toInstant(), now);
			counts.merge(state, 1L, Long::sum);
		});
		return counts;
	}

	private static double delta(String before, String after, String name, String label, String value) {
		return sample(after, name, label, value) - sample(before, name, label, value);
	}

	/** A sample's value in Prometheus's text format, 0 when it is not there yet. */
	private static double sample(String exposition, String name, String label, String value) {
		Matcher sample = Pattern
			.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label + "=\"" + value + "\"")
					+ "[^}]*\\} (\\S+)")
			.matcher(exposition);
		return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
	}

	private static JsonNode json(HttpResponse<byte[]> response) {
		return JSON.readTree(response.body());
	}

}
