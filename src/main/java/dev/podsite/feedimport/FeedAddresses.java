package dev.podsite.feedimport;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether two feed addresses name the same feed, as far as the address tells: scheme and
 * host in any case, the default port written or not, an empty path as "/".
 */
final class FeedAddresses {

	private FeedAddresses() {
	}

	static boolean same(URI one, URI other) {
		URI a = one.normalize();
		URI b = other.normalize();
		return lower(a.getScheme()).equals(lower(b.getScheme())) && lower(a.getHost()).equals(lower(b.getHost()))
				&& port(a) == port(b) && path(a).equals(path(b)) && Objects.equals(a.getRawQuery(), b.getRawQuery());
	}

	static boolean isWeb(URI url) {
		String scheme = lower(url.getScheme());
		return scheme.equals("http") || scheme.equals("https");
	}

	/** Whether {@code url} is the site's own feed, whatever its scheme. */
	static boolean isOwnFeed(URI url, URI ownFeed) {
		return lower(url.getHost()).equals(lower(ownFeed.getHost())) && path(url.normalize()).equals(path(ownFeed));
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return switch (lower(url.getScheme())) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

	private static String path(URI url) {
		String path = url.getRawPath();
		return (path == null || path.isEmpty()) ? "/" : path;
	}

}
