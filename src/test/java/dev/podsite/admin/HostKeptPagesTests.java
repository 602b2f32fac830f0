package dev.podsite.admin;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in host's public pages over real HTTP: answered from the kept pages
 * anonymous visitors get, with the host's links put in, alike to the byte (but for the
 * CSRF token's mask) to the page rendered for the host, headers too; a working sign-out
 * form; nothing of the host's in what anonymous visitors get; the host's edits at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(HostKeptPagesTests.RenderedRequests.class)
class HostKeptPagesTests {

	private static final String EPISODE = "/episodes/first-title";

	private static final String ROMANIAN = "ro-RO,ro;q=0.9";

	private static final String[] PAGES = { "/", "/episodes", EPISODE, "/search?q=first" };

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RenderedRequests rendered;

	private SiteHttp anonymous;

	private HostSession host;

	@BeforeEach
	void aShowAndTheHostSignedIn() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Show"), List.of(first()));
		this.anonymous = new SiteHttp(this.port);
		this.host = new HostSession(this.port);
		assertThat(this.host.signIn().statusCode()).isEqualTo(302);
	}

	@Test
	void theHostsPageFromAKeptPageIsThePageRenderedForTheHost() {
		assertAlikeWhenKept(this.host);
	}

	@Test
	void theHostsPageFromAKeptPageSpeaksThePagesLanguage() {
		HostSession romanian = new HostSession(this.port).withLanguage(ROMANIAN);
		assertThat(romanian.signIn().statusCode()).isEqualTo(302);
		assertAlikeWhenKept(romanian, "Accept-Language", ROMANIAN);
		assertThat(romanian.get("/episodes").body()).contains("<html lang=\"ro\"")
			.contains("Ieșire din cont")
			.doesNotContain(">Sign out<");
	}

	@Test
	void aKeptPageForTheHostIsNotRendered() {
		HttpResponse<String> notKept = this.host.get("/people");
		assertThat(this.rendered.requests("/people")).as("a page not kept is rendered").isEqualTo(1);
		keep("/people");
		assertThat(withoutToken(fromKept("/people").body())).isEqualTo(withoutToken(notKept.body()));
	}

	@Test
	void theSignOutFormOfAKeptPageSignsTheHostOut() {
		keep("/episodes");
		HttpResponse<String> page = fromKept("/episodes");
		HttpResponse<String> signedOut = this.host.submit(BrowserForm.of(page.body(), "/logout"));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		assertThat(this.host.get("/admin").statusCode()).as("the admin pages after signing out").isEqualTo(302);
		assertThat(this.host.get("/episodes").body()).doesNotContain("/logout").doesNotContain("href=\"/admin\"");
	}

	@Test
	void anonymousVisitorsNeverGetTheHostsLinks() {
		for (String path : PAGES) {
			byte[] kept = keep(path);
			HttpResponse<String> hosts = fromKept(path);
			assertThat(hosts.body()).as(path).contains("href=\"/admin\"").contains("action=\"/logout\"");
			byte[] after = this.anonymous.body(path);
			assertThat(after).as(path).isEqualTo(kept);
			assertThat(new String(after, StandardCharsets.UTF_8)).as(path)
				.doesNotContain("/admin")
				.doesNotContain("/logout")
				.doesNotContain("_csrf");
		}
	}

	@Test
	void theHostSeesTheirEditOfAnEpisodeAtOnce() {
		keep(EPISODE);
		assertThat(fromKept(EPISODE).body()).contains("First title");
		long id = this.jdbc.queryForObject("SELECT id FROM episode", Long.class);
		BrowserForm form = this.host.form("/admin/episodes/" + id + "/edit", "/edit").set("title", "Edited title");
		assertThat(this.host.submit(form).statusCode()).isEqualTo(302);
		assertThat(this.host.get(EPISODE).body()).contains("Edited title").doesNotContain("First title");
		keep(EPISODE);
		assertThat(fromKept(EPISODE).body()).contains("Edited title").doesNotContain("First title");
	}

	/**
	 * For each page: the host's page rendered while no page is kept, then answered from
	 * the kept page, alike but for the CSRF token's mask (a new one each request), with
	 * the same headers.
	 */
	private void assertAlikeWhenKept(HostSession session, String... anonymousHeaders) {
		for (String path : PAGES) {
			int renderedBefore = this.rendered.requests(path);
			HttpResponse<String> rendered = session.get(path);
			assertThat(rendered.statusCode()).as(path).isEqualTo(200);
			assertThat(this.rendered.requests(path)).as(path + " rendered").isEqualTo(renderedBefore + 1);
			keep(path, anonymousHeaders);
			int renderedKept = this.rendered.requests(path);
			HttpResponse<String> fromKept = session.get(path);
			assertThat(this.rendered.requests(path)).as(path + " from the kept page").isEqualTo(renderedKept);
			assertThat(fromKept.body()).as(path).contains("name=\"_csrf\"");
			assertThat(withoutToken(fromKept.body())).as(path).isEqualTo(withoutToken(rendered.body()));
			assertThat(headers(fromKept.headers())).as(path).isEqualTo(headers(rendered.headers()));
		}
	}

	/**
	 * The page as anonymous visitors get it (with these headers), kept: rendered for them
	 * once at most.
	 */
	private byte[] keep(String path, String... headers) {
		for (int i = 0; i < 2; i++) {
			assertThat(this.anonymous.get(path, headers).statusCode()).as(path).isEqualTo(200);
		}
		return this.anonymous.get(path, headers).body();
	}

	/** The host's page, which must come from the kept page, not be rendered. */
	private HttpResponse<String> fromKept(String path) {
		int before = this.rendered.requests(path);
		HttpResponse<String> page = this.host.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(this.rendered.requests(path)).as(path + " rendered for the host").isEqualTo(before);
		return page;
	}

	private static String withoutToken(String page) {
		assertThat(page).contains("name=\"_csrf\"");
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"…\"");
	}

	/** The headers but the date. */
	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		all.putAll(headers.map());
		all.remove("date");
		return all;
	}

	private static ImportedEpisode first() {
		return TestEpisodes.episode("1", "First title", Instant.parse("2024-01-01T10:00:00Z")).build();
	}

	/**
	 * Counts the GET requests that go on past every filter to be rendered, by their path
	 * and query.
	 */
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class RenderedRequests extends HttpFilter {

		private final Map<String, AtomicInteger> addresses = new ConcurrentHashMap<>();

		@Override
		protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (request.getMethod().equals("GET")) {
				String address = (request.getQueryString() != null)
						? request.getRequestURI() + "?" + request.getQueryString() : request.getRequestURI();
				this.addresses.computeIfAbsent(address, (key) -> new AtomicInteger()).incrementAndGet();
			}
			chain.doFilter(request, response);
		}

		int requests(String address) {
			AtomicInteger count = this.addresses.get(address);
			return (count != null) ? count.get() : 0;
		}

	}

}
