package dev.podsite.support;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The forms the site's kept bytes are served in (a document, a kept page): as they are,
 * gzipped, or compressed with Brotli, each compressed once per change rather than per
 * request; and which of them a client takes.
 */
public enum ContentCoding {

	IDENTITY(null, ""), GZIP("gzip", "-gzip"), BROTLI("br", "-br");

	private final @Nullable String token;

	private final String etagSuffix;

	ContentCoding(@Nullable String token, String etagSuffix) {
		this.token = token;
		this.etagSuffix = etagSuffix;
	}

	/** The Content-Encoding header's value; null for the bytes as they are. */
	public @Nullable String token() {
		return this.token;
	}

	/**
	 * The strong validator of these bytes in this coding: each coding is other bytes, so
	 * each has its own tag (RFC 9110, 8.8.3.3).
	 */
	public String etag(String hash) {
		return "\"" + hash + this.etagSuffix + "\"";
	}

	/**
	 * The smallest coding the client takes: Brotli when it names it (and the bytes have a
	 * Brotli form), else gzip, else the bytes as they are.
	 * @param acceptEncoding the request's Accept-Encoding header, if any
	 * @param brotli whether the bytes have a Brotli form
	 */
	public static ContentCoding preferred(@Nullable String acceptEncoding, boolean brotli) {
		if (acceptEncoding == null || acceptEncoding.isEmpty()) {
			return IDENTITY;
		}
		if (brotli && accepts(acceptEncoding, "br")) {
			return BROTLI;
		}
		return accepts(acceptEncoding, "gzip") ? GZIP : IDENTITY;
	}

	/**
	 * Whether the client takes the coding: named without q=0, or not named and {@code *}
	 * without q=0.
	 */
	public static boolean accepts(@Nullable String acceptEncoding, String coding) {
		if (acceptEncoding == null) {
			return false;
		}
		Boolean any = null;
		for (String part : acceptEncoding.split(",")) {
			String[] parameters = part.strip().toLowerCase(Locale.ROOT).split(";");
			String name = parameters[0].strip();
			boolean refused = parameters.length > 1 && parameters[1].replace(" ", "").matches("q=0(\\.0*)?");
			if (name.equals(coding)) {
				return !refused;
			}
			if (name.equals("*")) {
				any = !refused;
			}
		}
		return any != null && any;
	}

}
