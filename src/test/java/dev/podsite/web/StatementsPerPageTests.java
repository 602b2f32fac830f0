package dev.podsite.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.TestTimelines;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs the database, counted statement by statement on the request's thread
 * over real HTTP: a bounded number per page, the same for a show of 110 episodes as for
 * one of 160 (no query per row), none for a kept page, and no write for the host's
 * session on every page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(StatementsPerPageTests.CountedStatements.class)
class StatementsPerPageTests {

	/** The most statements a page may take, the session's read included. */
	private static final int MOST_PER_PAGE = 8;

	/**
	 * The host's dashboard: a statement per panel (imports, alerts, checks, sign-ins).
	 */
	private static final int MOST_FOR_DASHBOARD = 20;

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Statements statements;

	private SiteHttp site;

	@BeforeEach
	void clear() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
	}

	@Test
	void aPageTakesAFewStatementsWhateverTheShowsSize() {
		// Both more than a page of every list (a season's too, and the host's 50), so
		// both count their lists' pages.
		Map<String, Integer> small = statementsPerPage(110);
		Map<String, Integer> large = statementsPerPage(160);
		assertThat(large).isEqualTo(small);
		large.forEach((page, count) -> assertThat(count).as(page)
			.isBetween(1, page.equals("host /admin") ? MOST_FOR_DASHBOARD : MOST_PER_PAGE));
	}

	@Test
	void aKeptPageTakesNoStatement() {
		store(3);
		for (String path : publicPages()) {
			this.site.body(path);
			assertThat(statementsOf(path, null)).as(path).isEmpty();
		}
	}

	@Test
	void theHostsPagesWriteNothingOnceSignedIn() {
		store(3);
		String session = this.site.hostSession();
		statementsOf("/admin", session);
		List<String> written = new ArrayList<>();
		for (String path : hostPages()) {
			statementsOf(path, session).stream().filter(StatementsPerPageTests::writes).forEach(written::add);
		}
		assertThat(written).isEmpty();
	}

	private Map<String, Integer> statementsPerPage(int episodes) {
		Database.clear(this.jdbc);
		store(episodes);
		Map<String, Integer> counts = new LinkedHashMap<>();
		// Rendered for the listener (the first visit after a change), then for the host.
		for (String path : publicPages()) {
			counts.put(path, statementsOf(path, null).size());
		}
		String session = this.site.hostSession();
		for (String path : hostPages()) {
			counts.put("host " + path.replaceAll("[0-9]+/edit", "newest/edit"), statementsOf(path, session).size());
		}
		return counts;
	}

	private List<String> statementsOf(String path, String session) {
		this.statements.clear();
		HttpResponse<byte[]> response = (session != null) ? this.site.get(path, "Cookie", session)
				: this.site.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return List.copyOf(this.statements.all);
	}

	private List<String> publicPages() {
		String episode = this.jdbc.queryForObject("SELECT slug FROM episode ORDER BY published_at DESC LIMIT 1",
				String.class);
		String person = this.jdbc.queryForObject("SELECT slug FROM person ORDER BY id LIMIT 1", String.class);
		return List.of("/", "/episodes", "/episodes?season=2", "/episodes/" + episode, "/people", "/people/" + person,
				"/search?q=rust", "/links");
	}

	private List<String> hostPages() {
		long id = this.jdbc.queryForObject("SELECT id FROM episode ORDER BY published_at DESC LIMIT 1", Long.class);
		List<String> pages = new ArrayList<>(publicPages());
		pages.addAll(List.of("/admin", "/admin/episodes", "/admin/episodes/" + id + "/edit", "/admin/people"));
		return pages;
	}

	/**
	 * A show of {@code count} episodes in two seasons, each with a host, its own guest
	 * and links in its notes; the newest two with chapters and a transcript.
	 */
	private void store(int count) {
		List<ImportedEpisode> episodes = new ArrayList<>();
		for (int n = count; n >= 1; n--) {
			episodes.add(TestEpisodes
				.episode("guid-" + n, "Episode " + n + ": Rust at scale", TestEpisodes.NEWEST.minus(Duration.ofDays(n)))
				.notes("<p>Rust in episode " + n + ".</p><ul><li><a href=\"https://docs.rs/tokio\">Tokio</a></li>"
						+ "<li><a href=\"https://guest" + n + ".example/\">Guest</a></li></ul>")
				.audio("https://cdn.example/" + n + ".mp3", 1800)
				.number(n)
				.season((n % 2) + 1)
				.person(new Person("Ann Host", "host", null, null, null))
				.person(new Person("Guest " + n, "guest", null, null, null))
				.build());
		}
		SiteData data = new SiteData(this.context);
		data.store(TestEpisodes.show("Show"), episodes);
		for (String slug : this.jdbc.queryForList("SELECT slug FROM episode ORDER BY published_at DESC LIMIT 2",
				String.class)) {
			data.storeTimeline(slug, TestTimelines.chapters(4), TestTimelines.cues(20, 2));
		}
	}

	private static boolean writes(String sql) {
		String verb = sql.stripLeading().split("\\s+", 2)[0].toUpperCase();
		return List.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(verb);
	}

	/** The statements the site's request threads ran since the last clear. */
	static final class Statements {

		private final List<String> all = new CopyOnWriteArrayList<>();

		void clear() {
			this.all.clear();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountedStatements {

		@Bean
		Statements statements() {
			return new Statements();
		}

		@Bean
		static BeanPostProcessor countingDataSource(ApplicationContext context) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					QueryExecutionListener listener = new QueryExecutionListener() {

						@Override
						public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
								List<net.ttddyy.dsproxy.QueryInfo> queries) {
						}

						@Override
						public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
								List<net.ttddyy.dsproxy.QueryInfo> queries) {
							// Requests only: not the poll of the data's version, nor the
							// test's own setup.
							if (Thread.currentThread().getName().startsWith("http-nio-")) {
								List<String> all = context.getBean(Statements.class).all;
								queries.forEach((query) -> all.add(query.getQuery()));
							}
						}

					};
					return ProxyDataSourceBuilder.create(dataSource).listener(listener).build();
				}

			};
		}

	}

}
