package dev.podsite.system;

import java.net.http.HttpResponse;

import dev.podsite.support.Database;
import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.podsite.system.ClientsSeen.addressesThatFailed;
import static dev.podsite.system.ClientsSeen.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (loopback, by default) the site believes the client's address,
 * scheme and host the proxy forwards; the client is the right-most address of the chain
 * that is no trusted proxy, so a client cannot pose as another by writing one first. The
 * sign-in throttle's record of failures per address shows the address the site saw.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrustedProxyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private SiteHttp site;

	@BeforeEach
	void noFailedSignIns() {
		Database.clear(this.jdbc);
		this.site = new SiteHttp(this.port);
	}

	@Test
	void aTrustedProxyTellsTheClientsAddressSchemeAndHost() {
		// The site runs under no path prefix: pages rendered with one would be kept for
		// all.
		HttpResponse<byte[]> failed = this.site.signIn("nobody", "wrong", "X-Forwarded-For", "203.0.113.7",
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "podcast.example.org", "X-Forwarded-Port", "443",
				"X-Forwarded-Prefix", "/elsewhere");
		assertThat(failed.headers().firstValue("Location")).hasValue("https://podcast.example.org/login?error");
		assertThat(addressesThatFailed(this.jdbc)).containsExactly("address:203.0.113.7");
		assertThat(sessionCookie(this.site.get("/login", "X-Forwarded-Proto", "https"))).contains("Secure");
	}

	@Test
	void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
		this.site.signIn("one", "wrong", "X-Forwarded-For", "6.6.6.6, 203.0.113.1");
		// 127.0.0.2 is a trusted proxy (127.0.0.0/8): the client is the one before it.
		this.site.signIn("two", "wrong", "X-Forwarded-For", "6.6.6.6, 203.0.113.2, 127.0.0.2");
		this.site.signIn("three", "wrong", "X-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "203.0.113.3");
		this.site.signIn("four", "wrong", "X-Forwarded-For", "127.0.0.3, 127.0.0.4");
		assertThat(addressesThatFailed(this.jdbc)).containsExactlyInAnyOrder("address:203.0.113.1",
				"address:203.0.113.2", "address:203.0.113.3", "address:127.0.0.3");
	}

	@Test
	void aChainsSchemeIsTheOneItsClientUsed() {
		// Each proxy appended what it received: the client used https to the first.
		HttpResponse<byte[]> failed = this.site.signIn("nobody", "wrong", "X-Forwarded-For", "203.0.113.4, 127.0.0.5",
				"X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "podcast.example.org, internal:8080");
		assertThat(failed.headers().firstValue("Location")).hasValue("https://podcast.example.org/login?error");
		// A client's own X-Forwarded-Proto, before the one its proxy appended, is not.
		failed = this.site.signIn("other", "wrong", "X-Forwarded-For", "203.0.113.5", "X-Forwarded-Proto",
				"https, http");
		assertThat(failed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).startsWith("http:"));
	}

	@Test
	void theForwardedHeaderCountsLikeXForwardedFor() {
		HttpResponse<byte[]> failed = this.site.signIn("nobody", "wrong", "Forwarded",
				"for=6.6.6.6;proto=http, for=203.0.113.6;proto=https;host=podcast.example.org, for=127.0.0.6");
		assertThat(failed.headers().firstValue("Location")).hasValue("https://podcast.example.org/login?error");
		assertThat(addressesThatFailed(this.jdbc)).containsExactly("address:203.0.113.6");
	}

}
