package dev.podsite.admin;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.podsite.support.Database;
import dev.podsite.support.MutableClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in over real HTTP (real Tomcat, its URL decoding, the JDBC session store):
 * guessing is slowed down however the sign-in address is spelled and however many tries
 * come at once, and an attacker's failures never keep the host out. The clock stands
 * still unless a test moves it, so waits are exact.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInTests {

	private static final String ATTACKER = "203.0.113.66";

	private static final MutableClock clock = new MutableClock();

	@TestBean(name = "clock")
	private Clock applicationClock;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private SignInDevices devices;

	static Clock clock() {
		return clock;
	}

	@BeforeEach
	void noFailures() {
		Database.clear(this.jdbc);
		this.jdbc.update("DELETE FROM spring_session");
		clock.set(Instant.parse("2026-11-30T12:00:00Z"));
	}

	@AfterEach
	void theConfiguredPasswordAgain() {
		clock.reset();
		accounts(HostSession.PASSWORD).run(null);
	}

	@Test
	void everySpellingOfTheSignInAddressIsThrottledAlike() {
		HostSession attacker = new HostSession(this.port).from(ATTACKER);
		String[] spellings = { "/login", "/log%69n", "/%6cogin", "/LOGIN".toLowerCase(), "/log%69n", "/%6cogin" };
		for (String path : spellings) {
			assertThat(signIn(attacker, path, "a guess")).isEqualTo("/login?error");
		}
		// Six failures, one past the allowance of a user name from one address: the next
		// try waits a second, whatever the spelling, and the right password is not
		// checked.
		assertThat(signIn(attacker, "/log%69n", HostSession.PASSWORD)).isEqualTo("/login?wait=1");
		assertThat(signIn(attacker, "/%6cogin", HostSession.PASSWORD)).isEqualTo("/login?wait=1");
		clock.advance(Duration.ofSeconds(1));
		assertThat(signIn(attacker, "/%6cogin", HostSession.PASSWORD)).isEqualTo("/admin");
	}

	@Test
	void aBurstOfTriesIsCountedTryByTry() throws Exception {
		ExecutorService burst = Executors.newFixedThreadPool(16);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < 48; i++) {
			answers.add(burst.submit(() -> signIn(new HostSession(this.port).from(ATTACKER), "/login", "a guess")));
		}
		int checked = 0;
		for (Future<String> answer : answers) {
			String location = answer.get();
			checked += location.equals("/login?error") ? 1 : 0;
			assertThat(location).isIn("/login?error", "/login?wait=1");
		}
		burst.shutdown();
		assertThat(checked).as("passwords checked: the allowance and the one try that used it up").isEqualTo(6);
		assertThat(this.jdbc.queryForObject("SELECT failures FROM sign_in_throttle WHERE key = ?", Integer.class,
				"user-address:host " + ATTACKER))
			.isEqualTo(6);
	}

	@Test
	void anAttackersFailuresNeverKeepTheHostOut() {
		// The host signed in from this browser before: it keeps a device cookie.
		HostSession hostsBrowser = new HostSession(this.port).from("198.51.100.7");
		assertThat(signIn(hostsBrowser, "/login", HostSession.PASSWORD)).isEqualTo("/admin");
		assertThat(hostsBrowser.cookie(SignInDevices.COOKIE)).isPresent();

		// Fifty failures, each as soon as the throttle allows it.
		HostSession attacker = new HostSession(this.port).from(ATTACKER);
		for (int failure = 1; failure <= 50; failure++) {
			assertThat(signIn(attacker, "/login", "guess " + failure)).as("failure %d", failure)
				.isEqualTo("/login?error");
			clock.advance(SignInThrottle.wait(failure, 5));
		}
		clock.advance(Duration.ofSeconds(-1));
		assertThat(signIn(attacker, "/login", HostSession.PASSWORD)).as("the attacker waits, right password or not")
			.isEqualTo("/login?wait=1");

		// From another address, at once.
		assertThat(signIn(new HostSession(this.port).from("192.0.2.44"), "/login", HostSession.PASSWORD))
			.isEqualTo("/admin");
		// From the host's own browser, even behind the attacker's address (one NAT).
		assertThat(signIn(hostsBrowser.from(ATTACKER), "/login", HostSession.PASSWORD)).isEqualTo("/admin");
	}

	@Test
	void theHostsBrowserHasAnAllowanceOfItsOwn() {
		HostSession hostsBrowser = new HostSession(this.port);
		assertThat(signIn(hostsBrowser, "/login", HostSession.PASSWORD)).isEqualTo("/admin");
		for (int slip = 1; slip <= 10; slip++) {
			assertThat(signIn(hostsBrowser, "/login", "slip " + slip)).isEqualTo("/login?error");
		}
		assertThat(signIn(hostsBrowser, "/login", "slip 11")).isEqualTo("/login?error");
		assertThat(signIn(hostsBrowser, "/login", HostSession.PASSWORD)).isEqualTo("/login?wait=1");
		// A stolen cookie of another user name, or a made-up one, is an unknown browser.
		assertThat(this.devices.known("made-up", "host")).isNull();
		assertThat(this.devices.known(hostsBrowser.cookie(SignInDevices.COOKIE).orElseThrow(), "someone-else"))
			.isNull();
	}

	@Test
	void theRefusalSaysWhenToTryAgainAndTheDashboardShowsTheFailures() {
		HostSession attacker = new HostSession(this.port).from(ATTACKER);
		for (int failure = 1; failure <= 10; failure++) {
			assertThat(signIn(attacker, "/login", "guess " + failure)).isEqualTo("/login?error");
			Duration wait = SignInThrottle.wait(failure, 5);
			if (failure < 10 && !wait.isZero()) {
				clock.advance(wait.minusMillis(1));
				assertThat(signIn(attacker, "/login", HostSession.PASSWORD)).as("refused unchecked before its time")
					.startsWith("/login?wait=");
				clock.advance(Duration.ofMillis(1));
			}
		}
		String wait = signIn(attacker, "/login", "again");
		assertThat(wait).isEqualTo("/login?wait=16");
		assertThat(Jsoup.parse(attacker.get(wait).body()).select("[role=alert]").text())
			.isEqualTo("Too many failed sign-ins from here. Try again in 16 seconds.");

		HostSession host = new HostSession(this.port).from("192.0.2.44");
		signIn(host, "/login", HostSession.PASSWORD);
		String dashboard = Jsoup.parse(host.get("/admin").body()).select("section.sign-in-failures").text();
		assertThat(dashboard).contains("as “host” from " + ATTACKER, "10", "refused until");
	}

	@Test
	void aNewPasswordEndsEverySessionOfTheOldOne() {
		HostSession before = new HostSession(this.port);
		assertThat(signIn(before, "/login", HostSession.PASSWORD)).isEqualTo("/admin");
		assertThat(before.get("/admin").statusCode()).isEqualTo(200);

		// As a restart with PODSITE_ADMIN_PASSWORD changed does.
		accounts("a brand new passphrase").run(null);

		HttpResponse<String> stale = before.get("/admin");
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(stale.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		assertThat(signIn(new HostSession(this.port), "/login", HostSession.PASSWORD)).isEqualTo("/login?error");
		assertThat(signIn(new HostSession(this.port), "/login", "a brand new passphrase")).isEqualTo("/admin");
	}

	@Test
	void signingOutDeletesTheSessionFromTheStore() {
		HostSession host = new HostSession(this.port);
		signIn(host, "/login", HostSession.PASSWORD);
		assertThat(sessionsOfTheHost()).isEqualTo(1);
		HttpResponse<String> signedOut = host.submit(BrowserForm.of(host.get("/admin").body(), "/logout"));
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?logout"));
		assertThat(sessionsOfTheHost()).isZero();
		assertThat(host.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void onlyABcryptHashSignsIn() {
		this.jdbc.update("UPDATE admin_account SET password_hash = '{noop}written behind the site''s back'");
		assertThat(signIn(new HostSession(this.port), "/login", "written behind the site's back"))
			.isEqualTo("/login?error");
	}

	private int sessionsOfTheHost() {
		return this.jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = 'host'",
				Integer.class);
	}

	/** The accounts as a start with {@code password} configured sets them. */
	private AdminAccounts accounts(String password) {
		return new AdminAccounts(new AdminProperties(HostSession.USERNAME, password), JdbcClient.create(this.jdbc),
				this.passwords, this.devices);
	}

	/** Where the sign-in form, posted to {@code path}, sends the browser next. */
	private static String signIn(HostSession browser, String path, String password) {
		BrowserForm form = browser.form("/login", "/login")
			.set("username", HostSession.USERNAME)
			.set("password", password);
		HttpResponse<String> answer = browser.post(path, form.encoded());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return location.replaceFirst("^https?://[^/]+", "");
	}

}
