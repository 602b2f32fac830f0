package dev.podsite.system;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The reverse proxies whose forwarded headers the site believes, and what it believes of
 * them. A proxy appends the address of the machine that called it to X-Forwarded-For (or
 * an element to Forwarded), after whatever that machine sent itself: the client is the
 * right-most address that is not a trusted proxy, as Tomcat's RemoteIpValve takes it;
 * anything left of it is the client's own word.
 */
final class TrustedProxies {

	static final String FORWARDED = "Forwarded";

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	/** Told with the client's address, hop by hop when the proxies append them. */
	static final List<String> X_FORWARDED = List.of("X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port");

	private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

	// Only hex digits, colons and dots: java.net.InetAddress parses such a text as an
	// IPv6 literal or refuses it, and never asks DNS.
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|;)\\s*for=\\s*(\"[^\"]*\"|[^;]*)");

	private final List<Range> ranges;

	TrustedProxies(List<String> ranges) {
		this.ranges = ranges.stream().filter((range) -> !range.isBlank()).map(Range::parse).toList();
	}

	/** Whether a request from this address may tell who the client is. */
	boolean trusts(String address) {
		InetAddress parsed = address(address);
		if (parsed != null) {
			// Asked for every request: a loop, not a stream.
			for (Range range : this.ranges) {
				if (range.contains(parsed)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The forwarded headers to believe in a trusted proxy's request, each with one value:
	 * X-Forwarded-For the client's address, the others what the client's hop said. When a
	 * proxy sent X-Forwarded-*, a Forwarded header is not believed: it may be the
	 * client's, passed on by a proxy that does not write it.
	 */
	Map<String, String> believed(HttpServletRequest request) {
		Map<String, String> believed = new LinkedHashMap<>();
		List<String> forwardedFor = values(request, X_FORWARDED_FOR);
		boolean xForwarded = !forwardedFor.isEmpty()
				|| X_FORWARDED.stream().anyMatch((name) -> request.getHeader(name) != null);
		if (xForwarded) {
			int client = client(forwardedFor);
			if (client >= 0) {
				believed.put(X_FORWARDED_FOR, address(forwardedFor.get(client)).getHostAddress());
			}
			for (String name : X_FORWARDED) {
				List<String> values = values(request, name);
				if (!values.isEmpty()) {
					// One value per hop, like the addresses: the client's; else the last
					// proxy's.
					boolean perHop = client >= 0 && values.size() == forwardedFor.size();
					believed.put(name, values.get(perHop ? client : values.size() - 1));
				}
			}
			return believed;
		}
		List<String> elements = values(request, FORWARDED);
		if (!elements.isEmpty()) {
			List<String> addresses = elements.stream().map(TrustedProxies::forwardedFor).toList();
			int client = client(addresses);
			believed.put(FORWARDED, (client >= 0) ? elements.get(client)
					: FORWARDED_FOR.matcher(elements.get(elements.size() - 1)).replaceAll(""));
		}
		return believed;
	}

	/**
	 * Which of the addresses, from the proxies' hops, is the client: the right-most that
	 * is no trusted proxy, else the left-most. A text that is no address ends the walk:
	 * -1 when it is the right-most, none known.
	 */
	private int client(List<String> addresses) {
		int client = -1;
		for (int i = addresses.size() - 1; i >= 0; i--) {
			if (address(addresses.get(i)) == null) {
				break;
			}
			client = i;
			if (!trusts(addresses.get(i))) {
				break;
			}
		}
		return client;
	}

	/** A header's comma-separated values, over all its lines, in order. */
	private static List<String> values(HttpServletRequest request, String name) {
		List<String> values = new ArrayList<>();
		for (String line : Collections.list(request.getHeaders(name))) {
			for (String value : line.split(",")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return values;
	}

	private static String forwardedFor(String element) {
		Matcher matcher = FORWARDED_FOR.matcher(element);
		return matcher.find() ? matcher.group(1).strip() : "";
	}

	/**
	 * The address an IP literal names, with or without a port or brackets or quotes; null
	 * for any other text (a host name is never looked up).
	 */
	static @Nullable InetAddress address(String text) {
		String literal = text.strip();
		if (literal.length() > 1 && literal.startsWith("\"") && literal.endsWith("\"")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		if (literal.startsWith("[")) {
			int end = literal.indexOf(']');
			literal = (end > 0) ? literal.substring(1, end) : "";
		}
		else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
			literal = literal.substring(0, literal.indexOf(':'));
		}
		Matcher ipv4 = IPV4.matcher(literal);
		try {
			if (ipv4.matches()) {
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int octet = Integer.parseInt(ipv4.group(i + 1));
					if (octet > 255) {
						return null;
					}
					bytes[i] = (byte) octet;
				}
				return InetAddress.getByAddress(bytes);
			}
			return IPV6.matcher(literal).matches() ? InetAddress.getByName(literal) : null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** An address, or a CIDR range of them. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			String[] parts = text.strip().split("/", 2);
			InetAddress address = address(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException(
						"podsite.trusted-proxies: '" + text + "' is no IP address or CIDR range (a.b.c.d/n, x:y::/n)");
			}
			int bits = (address instanceof Inet4Address) ? 32 : 128;
			int prefix = bits;
			if (parts.length > 1) {
				prefix = parts[1].matches("[0-9]{1,3}") ? Integer.parseInt(parts[1]) : -1;
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException(
							"podsite.trusted-proxies: '" + text + "' has no prefix length of 0 to " + bits);
				}
			}
			return new Range(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
