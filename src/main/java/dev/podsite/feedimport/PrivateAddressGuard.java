package dev.podsite.feedimport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.Function;

import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard: a feed's address comes from configuration, but its redirects come from
 * whoever serves it, so neither may lead the server to fetch from itself, its private
 * network or a cloud metadata service. A host is refused when any address it resolves to
 * is not public.
 * <p>
 * The JVM caches what a name resolved to (30 seconds by default), and the HTTP client
 * resolves through the same cache right after the check, so a name that resolves to a
 * public address for the check and to a private one a moment later (DNS rebinding) still
 * reaches the checked address, unless the cache entry expires in between.
 */
final class PrivateAddressGuard {

	private final boolean allowPrivate;

	private final Resolver resolver;

	private final Function<InetAddress, @Nullable HostNotice> classification;

	/**
	 * @param allowPrivate whether private addresses are allowed, as for local testing
	 */
	PrivateAddressGuard(boolean allowPrivate) {
		this(allowPrivate, InetAddress::getAllByName, PrivateAddressGuard::internalKind);
	}

	/**
	 * @param resolver resolves a host to all its addresses
	 * @param classification what an address is, in words, when it is not public; null
	 * when it is public
	 */
	PrivateAddressGuard(boolean allowPrivate, Resolver resolver,
			Function<InetAddress, @Nullable HostNotice> classification) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
		this.classification = classification;
	}

	/**
	 * Refuses {@code url} when its host resolves to an address that is not public.
	 * @param subject what the refusal is about: "The feed at …", or "The feed at …
	 * redirects to …"
	 */
	void check(URI url, HostNotice subject) throws FeedImportException {
		check(url, subject, FetchTarget.feed(0));
	}

	/**
	 * @param fetched what is fetched, for a host that cannot be found: the feed, a
	 * transcript
	 */
	void check(URI url, HostNotice subject, FetchTarget fetched) throws FeedImportException {
		if (this.allowPrivate) {
			return;
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new FeedImportException(HostNotice.of("address.refused.noHost", subject));
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw FeedFetcher.unknownHost(url, fetched, ex);
		}
		String name = unbracketed(host);
		for (InetAddress address : addresses) {
			HostNotice kind = this.classification.apply(address);
			if (kind != null) {
				HostNotice refusal = isLiteral(host) ? HostNotice.of("address.refused.literal", subject, name, kind)
						: (addresses.length > 1)
								? HostNotice.of("address.refused.oneOf", subject, name, address.getHostAddress(),
										addresses.length, kind)
								: HostNotice.of("address.refused.resolves", subject, name, address.getHostAddress(),
										kind);
				throw new FeedImportException(refusal);
			}
		}
	}

	/**
	 * What kind of address {@code address} is, in words, when it is not public: loopback,
	 * private, link-local, unspecified, unique-local, shared (CGNAT), multicast or
	 * reserved, also inside an IPv6 address that carries an IPv4 one.
	 * @return null for a public address
	 */
	static @Nullable HostNotice internalKind(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			return internalKindV6(bytes);
		}
		return internalKindV4(bytes);
	}

	private static @Nullable HostNotice internalKindV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return isZero(b, 0, 4) ? HostNotice.of("address.unspecified")
					: HostNotice.of("address.reserved.thisNetwork");
		}
		if (first == 127) {
			return HostNotice.of("address.loopback");
		}
		if (first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168)) {
			return HostNotice.of("address.private");
		}
		if (first == 169 && second == 254) {
			return ((b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) ? HostNotice.of("address.linkLocal.metadata")
					: HostNotice.of("address.linkLocal");
		}
		if (first == 100 && (second & 0xc0) == 64) {
			return HostNotice.of("address.shared");
		}
		if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
			return HostNotice.of("address.reserved.ietf");
		}
		if (first == 198 && (second & 0xfe) == 18) {
			return HostNotice.of("address.reserved.benchmarks");
		}
		if (first >= 224 && first <= 239) {
			return HostNotice.of("address.multicast");
		}
		if (first >= 240) {
			return HostNotice.of("address.reserved.future");
		}
		return null;
	}

	private static @Nullable HostNotice internalKindV6(byte[] b) {
		if (isZero(b, 0, 16)) {
			return HostNotice.of("address.unspecified");
		}
		if (isZero(b, 0, 15) && b[15] == 1) {
			return HostNotice.of("address.loopback");
		}
		// IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64
		// (64:ff9b::a.b.c.d) and 6to4 (2002:a.b.c.d::) lead to the IPv4 address.
		byte[] v4 = embeddedV4(b);
		if (v4 != null) {
			HostNotice kind = internalKindV4(v4);
			return (kind != null)
					? HostNotice.of("address.carrying",
							(v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff), kind)
					: null;
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return HostNotice.of("address.linkLocal");
		}
		if (first == 0xfe && (second & 0xc0) == 0xc0) {
			return HostNotice.of("address.siteLocal");
		}
		if ((first & 0xfe) == 0xfc) {
			return HostNotice.of("address.uniqueLocal");
		}
		if (first == 0xff) {
			return HostNotice.of("address.multicast");
		}
		return null;
	}

	private static byte @Nullable [] embeddedV4(byte[] b) {
		boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = isZero(b, 0, 12);
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& isZero(b, 4, 12);
		if (mapped || compatible || nat64) {
			return Arrays.copyOfRange(b, 12, 16);
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return Arrays.copyOfRange(b, 2, 6);
		}
		return null;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** An IPv6 literal is bracketed; an IPv4 one is digits and dots only. */
	private static boolean isLiteral(String host) {
		return host.startsWith("[") || host.chars().allMatch((c) -> c == '.' || (c >= '0' && c <= '9'));
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Resolves a host name (or an address literal) to all its addresses. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
