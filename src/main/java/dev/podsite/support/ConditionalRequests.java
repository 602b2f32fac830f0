package dev.podsite.support;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Whether a GET or HEAD for kept bytes can be answered 304 (RFC 9110, 13.1.2 and 13.2.2):
 * If-None-Match first, compared weakly; If-Modified-Since only without it. Written for
 * the paths asked most (the feed, kept pages), where Spring's general check cost a
 * noticeable share of a 304.
 */
public final class ConditionalRequests {

	private ConditionalRequests() {
	}

	/**
	 * @param etag the current strong validator, quoted
	 * @param lastModified when the bytes last changed, in milliseconds; negative when
	 * they carry no Last-Modified
	 */
	public static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
		Enumeration<String> ifNoneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && ifNoneMatch.hasMoreElements()) {
			while (ifNoneMatch.hasMoreElements()) {
				if (matches(ifNoneMatch.nextElement(), etag)) {
					return true;
				}
			}
			return false;
		}
		if (lastModified < 0) {
			return false;
		}
		long since;
		try {
			since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return since >= 0 && lastModified / 1000 <= since / 1000;
	}

	/** Whether a list of entity tags names this one, or is {@code *}. */
	static boolean matches(String tags, String etag) {
		int start = 0;
		while (start < tags.length()) {
			int end = tags.indexOf(',', start);
			if (end < 0) {
				end = tags.length();
			}
			String tag = tags.substring(start, end).strip();
			if (tag.equals("*") || opaque(tag).equals(opaque(etag))) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
