package dev.podsite.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Addresses from feeds and notes made fit for an href or src: what a browser would make
 * of them, written so that the pages stay valid HTML. The one place that decides what an
 * address of the site's pages may be.
 */
public final class WebAddresses {

	/** What a URL may not hold unencoded (besides whitespace and control characters). */
	private static final String NOT_IN_URLS = "\"<>\\^`{|}[]";

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

	private static final Pattern WEB_AUTHORITY = Pattern
		.compile("([^@/]*@)?(\\[[0-9A-Fa-f:.]+]|[\\p{L}\\p{N}._~-]+)(:[0-9]{0,5})?");

	private WebAddresses() {
	}

	/**
	 * The address as a browser reads it (tabs and line breaks dropped), with what a
	 * browser would percent-encode encoded: spaces, quotes, brackets, a stray %.
	 * @return the encoded address, or null when it still is no URI, or an http(s) address
	 * without a host
	 */
	public static @Nullable String clean(String address) {
		String encoded = encode(address.strip().replaceAll("[\\t\\n\\r]", ""));
		try {
			URI uri = new URI(encoded);
			return (!isWeb(uri) || hasHost(uri)) ? encoded : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * An http or https address, cleaned: a relative one resolved against {@code base}, a
	 * scheme-relative one ({@code //host/...}) as https.
	 * @return the address, or null when it is none (javascript:, data:, file:, mailto:,
	 * an unparseable string, a relative one without a web base)
	 */
	public static @Nullable String web(@Nullable String address, @Nullable URI base) {
		if (address == null || address.isBlank()) {
			return null;
		}
		String cleaned = clean(address.strip().startsWith("//") ? "https:" + address.strip() : address);
		if (cleaned == null) {
			return null;
		}
		URI uri = URI.create(cleaned);
		if (!uri.isAbsolute()) {
			if (base == null || !isWeb(base) || base.isOpaque()) {
				return null;
			}
			uri = base.resolve(uri);
			cleaned = uri.toString();
		}
		return (isWeb(uri) && hasHost(uri)) ? cleaned : null;
	}

	/** Whether the text starts with a scheme, like {@code https:} or {@code mailto:}. */
	public static boolean hasScheme(String address) {
		int colon = address.indexOf(':');
		return colon > 0 && SCHEME.matcher(address.substring(0, colon)).matches();
	}

	private static boolean isWeb(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		return scheme.equals("http") || scheme.equals("https");
	}

	private static boolean hasHost(URI uri) {
		return uri.getRawAuthority() != null && WEB_AUTHORITY.matcher(uri.getRawAuthority()).matches();
	}

	/** Percent-encodes what may not stand in a URL after its scheme and host. */
	private static String encode(String url) {
		int start = 0;
		int scheme = url.indexOf("://");
		if (scheme > 0 && SCHEME.matcher(url.substring(0, scheme)).matches()) {
			start = scheme + 3;
			while (start < url.length() && "/?#".indexOf(url.charAt(start)) < 0) {
				start++;
			}
		}
		StringBuilder encoded = new StringBuilder(url.length() + 16).append(url, 0, start);
		boolean inFragment = false;
		for (int i = start; i < url.length(); i = url.offsetByCodePoints(i, 1)) {
			int c = url.codePointAt(i);
			boolean strayPercent = c == '%' && !PERCENT_ESCAPE.matcher(url).region(i, url.length()).lookingAt();
			if (c <= ' ' || Character.isSpaceChar(c) || Character.isISOControl(c) || NOT_IN_URLS.indexOf(c) >= 0
					|| strayPercent || (c == '#' && inFragment)) {
				for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
					encoded.append('%').append(String.format("%02X", b & 0xff));
				}
			}
			else {
				encoded.appendCodePoint(c);
			}
			inFragment |= c == '#';
		}
		return encoded.toString();
	}

}
