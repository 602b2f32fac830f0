package dev.podsite.feedimport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The SSRF guard: which addresses are not public, and how a feed's address is checked.
 */
class PrivateAddressGuardTests {

	private final PrivateAddressGuard guard = new PrivateAddressGuard(false);

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					127.0.0.1              | a loopback address (this machine)
					127.255.255.254        | a loopback address (this machine)
					10.0.0.1               | a private network address
					10.255.255.255         | a private network address
					172.16.0.1             | a private network address
					172.31.255.255         | a private network address
					192.168.1.1            | a private network address
					169.254.169.254        | a link-local address (169.254.169.254 is the cloud metadata service)
					169.254.1.1            | a link-local address
					0.0.0.0                | the unspecified (any-local) address, which reaches this machine
					0.1.2.3                | a reserved address (0.0.0.0/8, this network)
					100.64.0.1             | a shared address (100.64.0.0/10, a provider's carrier-grade NAT)
					100.127.255.255        | a shared address (100.64.0.0/10, a provider's carrier-grade NAT)
					192.0.0.1              | a reserved address (192.0.0.0/24, IETF protocol assignments)
					198.18.0.1             | a reserved address (198.18.0.0/15, network benchmarks)
					198.19.255.255         | a reserved address (198.18.0.0/15, network benchmarks)
					224.0.0.1              | a multicast address
					239.255.255.250        | a multicast address
					240.0.0.1              | a reserved address (240.0.0.0/4 or broadcast)
					255.255.255.255        | a reserved address (240.0.0.0/4 or broadcast)
					::1                    | a loopback address (this machine)
					::                     | the unspecified (any-local) address, which reaches this machine
					fe80::1                | a link-local address
					febf::1                | a link-local address
					fec0::1                | a site-local address (a private network)
					fc00::1                | a unique-local address (fc00::/7, a private network)
					fd12:3456:789a::1      | a unique-local address (fc00::/7, a private network)
					ff02::1                | a multicast address
					::ffff:127.0.0.1       | a loopback address (this machine)
					::ffff:169.254.169.254 | a link-local address (169.254.169.254 is the cloud metadata service)
					::ffff:10.1.2.3        | a private network address
					::ffff:0.0.0.0         | the unspecified (any-local) address, which reaches this machine
					::127.0.0.1            | an IPv6 address carrying 127.0.0.1, a loopback address (this machine)
					64:ff9b::a9fe:a9fe     | an IPv6 address carrying 169.254.169.254, a link-local address (169.254.169.254 is the cloud metadata service)
					2002:7f00:1::1         | an IPv6 address carrying 127.0.0.1, a loopback address (this machine)
					2002:c0a8:101::        | an IPv6 address carrying 192.168.1.1, a private network address
					""")
	void saysWhatAnAddressThatIsNotPublicIs(String address, String kind) throws Exception {
		assertThat(PrivateAddressGuard.internalKind(InetAddress.getByName(address))).extracting(HostNotice::english)
			.isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.216.34", "8.8.8.8", "1.1.1.1", "11.0.0.1", "9.255.255.255", "126.255.255.255",
			"128.0.0.1", "172.15.255.255", "172.32.0.1", "192.167.255.255", "192.169.0.1", "169.253.255.255",
			"169.255.0.1", "100.63.255.255", "100.128.0.1", "192.0.1.1", "198.17.255.255", "198.20.0.1",
			"223.255.255.255", "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "fbff::1",
			"fe7f::1", "64:ff9b::808:808", "2002:808:808::", "::ffff:8.8.8.8" })
	void takesAPublicAddressForPublic(String address) throws Exception {
		assertThat(PrivateAddressGuard.internalKind(InetAddress.getByName(address))).isNull();
	}

	@Test
	void seesThroughAnIpv4MappedAddressKeptAsIpv6() throws Exception {
		// InetAddress.getByName turns ::ffff:127.0.0.1 into 127.0.0.1; built this way it
		// stays an Inet6Address.
		byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 };
		InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
		assertThat(address).isInstanceOf(Inet6Address.class);
		assertThat(PrivateAddressGuard.internalKind(address)).extracting(HostNotice::english)
			.isEqualTo("an IPv6 address carrying 127.0.0.1, a loopback address (this machine)");
	}

	@Test
	void refusesALoopbackFeedUrlInWords() {
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://127.0.0.1:8080/feed.xml"),
					HostNotice.verbatim("The feed at http://127.0.0.1:8080/feed.xml")))
			.withMessage("The feed at http://127.0.0.1:8080/feed.xml was refused: its host 127.0.0.1 is a loopback"
					+ " address (this machine), not a public one. The site fetches feeds from public addresses only,"
					+ " so that a feed cannot lead it into its own machine or network"
					+ " (podsite.feed.allow-private-addresses=true allows them, for local testing).");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					http://[::1]:8080/feed.xml                    | its host ::1 is a loopback address
					https://[::1]/feed.xml                        | its host ::1 is a loopback address
					http://0.0.0.0/feed.xml                       | its host 0.0.0.0 is the unspecified (any-local) address
					http://[::]/feed.xml                          | its host :: is the unspecified (any-local) address
					http://[::ffff:127.0.0.1]/feed.xml            | its host ::ffff:127.0.0.1 is a loopback address
					http://[::ffff:a9fe:a9fe]/feed.xml            | its host ::ffff:a9fe:a9fe is a link-local address (169.254.169.254 is the cloud metadata service)
					http://169.254.169.254/latest/meta-data/      | its host 169.254.169.254 is a link-local address (169.254.169.254 is the cloud metadata service)
					http://10.0.0.7/feed.xml                      | its host 10.0.0.7 is a private network address
					http://100.100.100.200/latest/meta-data/      | its host 100.100.100.200 is a shared address
					http://[fd00:ec2::254]/latest/meta-data/      | its host fd00:ec2::254 is a unique-local address
					http://localhost:8080/feed.xml                | its host localhost resolves to
					""")
	void refusesFeedUrlsOfInternalHosts(String url, String reason) {
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> this.guard.check(URI.create(url), HostNotice.verbatim("The feed at " + url)))
			.withMessageStartingWith("The feed at " + url + " was refused: " + reason);
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsInternal() {
		PrivateAddressGuard guard = new PrivateAddressGuard(false,
				resolving(Map.of("feeds.example", new String[] { "93.184.216.34", "10.1.2.3" })),
				PrivateAddressGuard::internalKind);
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(
					() -> guard.check(URI.create("https://feeds.example/show.xml"), HostNotice.verbatim("The feed")))
			.withMessageStartingWith("The feed was refused: its host feeds.example resolves to 10.1.2.3 (one of its"
					+ " 2 addresses), a private network address, not a public one.");
	}

	@Test
	void letsANameWithPublicAddressesOnlyThrough() {
		PrivateAddressGuard guard = new PrivateAddressGuard(false,
				resolving(Map.of("feeds.example", new String[] { "93.184.216.34", "2606:2800:220:1::248" })),
				PrivateAddressGuard::internalKind);
		assertThatNoException()
			.isThrownBy(() -> guard.check(URI.create("https://feeds.example/show.xml"), HostNotice.verbatim("x")));
	}

	@Test
	void aNameThatDoesNotResolveIsReportedAsADnsFailure() {
		PrivateAddressGuard guard = new PrivateAddressGuard(false, resolving(Map.of()),
				PrivateAddressGuard::internalKind);
		URI url = URI.create("https://feeds.invalid/show.xml");
		assertThatExceptionOfType(FeedImportException.class)
			.isThrownBy(() -> guard.check(url, HostNotice.verbatim("The feed")))
			.withMessage("The feed's host feeds.invalid could not be found (DNS), so the feed at " + url
					+ " could not be fetched.");
	}

	@Test
	void allowsPrivateAddressesWhenToldToWithoutResolvingAnything() {
		PrivateAddressGuard guard = new PrivateAddressGuard(true, (host) -> {
			throw new AssertionError("resolved " + host);
		}, PrivateAddressGuard::internalKind);
		assertThatNoException()
			.isThrownBy(() -> guard.check(URI.create("http://127.0.0.1/feed.xml"), HostNotice.verbatim("x")));
		assertThatNoException()
			.isThrownBy(() -> guard.check(URI.create("http://169.254.169.254/"), HostNotice.verbatim("x")));
	}

	@Test
	void privateAddressesAreRefusedUnlessTheConfigurationAllowsThem() {
		Map<String, String> feed = Map.of("podsite.feed.url", "https://feeds.example/show.xml");
		assertThat(bind(feed).allowPrivateAddresses()).isFalse();
		assertThat(bind(Map.of("podsite.feed.url", "https://feeds.example/show.xml",
				"podsite.feed.allow-private-addresses", "true"))
			.allowPrivateAddresses()).isTrue();
	}

	private static FeedImportProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("podsite.feed",
				FeedImportProperties.class);
	}

	private static PrivateAddressGuard.Resolver resolving(Map<String, String[]> names) {
		return (host) -> {
			String[] addresses = names.get(host);
			if (addresses == null) {
				throw new UnknownHostException(host);
			}
			InetAddress[] resolved = new InetAddress[addresses.length];
			for (int i = 0; i < addresses.length; i++) {
				resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
			}
			return resolved;
		};
	}

}
