package dev.podsite.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which addresses are trusted proxies, and what their headers say about the client. */
class TrustedProxiesTests {

	private final TrustedProxies loopback = new TrustedProxies(List.of("127.0.0.0/8", "::1"));

	@Test
	void rangesOfIpv4AndIpv6() {
		assertThat(this.loopback.trusts("127.0.0.1")).isTrue();
		assertThat(this.loopback.trusts("127.255.1.2")).isTrue();
		assertThat(this.loopback.trusts("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(this.loopback.trusts("10.0.0.1")).isFalse();
		assertThat(this.loopback.trusts("::2")).isFalse();
		TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.5", " "));
		assertThat(proxies.trusts("10.200.3.4")).isTrue();
		assertThat(proxies.trusts("::ffff:10.1.1.1")).as("IPv4-mapped").isTrue();
		assertThat(proxies.trusts("11.0.0.1")).isFalse();
		assertThat(proxies.trusts("fd12::1")).isTrue();
		assertThat(proxies.trusts("fe80::1")).isFalse();
		assertThat(proxies.trusts("192.168.1.5")).isTrue();
		assertThat(proxies.trusts("192.168.1.6")).isFalse();
		assertThat(proxies.trusts("127.0.0.1")).isFalse();
	}

	@Test
	void onlyIpLiteralsAreAddressesAndNoNameIsLookedUp() {
		assertThat(TrustedProxies.address("1.2.3.4:5678")).hasToString("/1.2.3.4");
		assertThat(TrustedProxies.address("[2001:db8::1]:80")).hasToString("/2001:db8:0:0:0:0:0:1");
		assertThat(TrustedProxies.address("\"[2001:db8::1]\"")).hasToString("/2001:db8:0:0:0:0:0:1");
		for (String text : new String[] { "999.1.1.1", "1.2.3", "unknown", "_hidden", "localhost", "example.org", "",
				"fe80::1%eth0", "[::1", ":::::" }) {
			assertThat(TrustedProxies.address(text)).as(text).isNull();
		}
	}

	@Test
	void aRangeThatIsNoneIsRefusedAtStart() {
		for (String range : new String[] { "proxy.example", "10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/" }) {
			assertThatIllegalArgumentException().as(range)
				.isThrownBy(() -> new TrustedProxies(List.of(range)))
				.withMessageContaining("podsite.trusted-proxies");
		}
	}

	@Test
	void theClientIsTheRightMostAddressNotATrustedProxy() {
		assertThat(believed("X-Forwarded-For", "6.6.6.6, 203.0.113.1, 127.0.0.9"))
			.containsExactly(Map.entry("X-Forwarded-For", "203.0.113.1"));
		assertThat(believed("X-Forwarded-For", "unknown, 203.0.113.1"))
			.containsExactly(Map.entry("X-Forwarded-For", "203.0.113.1"));
		assertThat(believed("X-Forwarded-For", "2001:db8::5"))
			.containsExactly(Map.entry("X-Forwarded-For", "2001:db8:0:0:0:0:0:5"));
		assertThat(believed("X-Forwarded-For", "127.0.0.8, 127.0.0.9"))
			.containsExactly(Map.entry("X-Forwarded-For", "127.0.0.8"));
		// The proxy names no address: the client is the proxy as far as the site knows.
		assertThat(believed("X-Forwarded-For", "203.0.113.1, unknown")).isEmpty();
	}

	@Test
	void theSchemeHostAndPortAreTheClientsHopsOrElseTheLastProxys() {
		assertThat(believed("X-Forwarded-For", "203.0.113.1, 127.0.0.9", "X-Forwarded-Proto", "https, http",
				"X-Forwarded-Port", "443, 8080"))
			.containsEntry("X-Forwarded-Proto", "https")
			.containsEntry("X-Forwarded-Port", "443");
		assertThat(believed("X-Forwarded-For", "203.0.113.1", "X-Forwarded-Proto", "https, http"))
			.containsEntry("X-Forwarded-Proto", "http");
		assertThat(believed("X-Forwarded-Proto", "https")).containsExactly(Map.entry("X-Forwarded-Proto", "https"));
	}

	@Test
	void forwardedCountsOnlyWithoutXForwarded() {
		assertThat(believed("Forwarded", "for=6.6.6.6;proto=http, for=\"[2001:db8::7]:80\";proto=https, for=127.0.0.1"))
			.containsExactly(Map.entry("Forwarded", "for=\"[2001:db8::7]:80\";proto=https"));
		assertThat(believed("Forwarded", "proto=https;for=unknown"))
			.containsExactly(Map.entry("Forwarded", "proto=https"));
		assertThat(believed("Forwarded", "for=6.6.6.6;proto=https", "X-Forwarded-For", "203.0.113.1"))
			.containsExactly(Map.entry("X-Forwarded-For", "203.0.113.1"));
	}

	private Map<String, String> believed(String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return this.loopback.believed(request);
	}

}
