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
 * With {@code podsite.trusted-proxies} naming another machine, this test's own requests
 * come from a client like any other (a neighbour on the site's network): what it forwards
 * is not believed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "podsite.trusted-proxies=10.9.9.9")
class UntrustedProxyTests {

	private static final String[] FORGED = { "X-Forwarded-For", "1.2.3.4", "X-Forwarded-Proto", "https",
			"X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "443", "Forwarded",
			"for=5.6.7.8;proto=https;host=evil.example", "X-Forwarded-Prefix", "/evil", "X-Forwarded-Ssl", "on" };

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
	void aClientsForgedAddressIsIgnored() {
		this.site.signIn("nobody", "wrong", FORGED);
		assertThat(addressesThatFailed(this.jdbc)).singleElement().isIn("address:127.0.0.1", "address:0:0:0:0:0:0:0:1");
	}

	@Test
	void aClientsForgedSchemeAndHostAreIgnored() {
		HttpResponse<byte[]> failed = this.site.signIn("nobody", "wrong", FORGED);
		assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(
				(to) -> assertThat(to).doesNotContain("evil").doesNotStartWith("https").endsWith("/login?error"));
		assertThat(sessionCookie(this.site.get("/login", FORGED))).contains("HttpOnly").doesNotContain("Secure");
	}

}
