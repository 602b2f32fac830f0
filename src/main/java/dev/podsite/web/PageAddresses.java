package dev.podsite.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import dev.podsite.episode.TimeLinks;
import dev.podsite.search.SearchText;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UrlPathHelper;

/**
 * The one address of each public page: its path and the query parameters the page reads,
 * each spelled one way ({@code /episodes?page=2}, never {@code ?page=02}; page 1 is
 * {@code /episodes}). Links reach the site with parameters of their own (utm_source,
 * fbclid), and every spelling would otherwise be a page of its own to render and keep.
 */
final class PageAddresses {

	/** A search's text as it searches it, and its page. */
	private static final List<Parameter> SEARCH = List.of(new Parameter("q", SearchText::spelling),
			new Parameter("page", PageAddresses::pageNumber));

	/**
	 * The parameters each page reads, in the order its address lists them. A feature that
	 * reads a new one (a time link's {@code t} on an episode's page, a search's
	 * {@code q}) adds it here: other parameters are dropped by a redirect.
	 */
	private static final Map<String, List<Parameter>> PARAMETERS = Map.of("/", List.of(), "/episodes",
			List.of(new Parameter("season", PageAddresses::number), new Parameter("type", PageAddresses::lowerCase),
					new Parameter("page", PageAddresses::pageNumber)),
			"/episodes/*", List.of(new Parameter("t", PageAddresses::moment)), "/people", List.of(), "/people/*",
			List.of(new Parameter("page", PageAddresses::pageNumber)), "/search", SEARCH, "/links", SEARCH);

	// Parameters that name a moment of a page, not a page of its own.
	private static final Set<String> WITHIN_THE_PAGE = Set.of("t");

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final List<String> PARENTS = List.of("/episodes/", "/people/");

	private static final List<String> CHILDREN = PARENTS.stream().map((parent) -> parent + "*").toList();

	private PageAddresses() {
	}

	/**
	 * The address of the page the request asks for, or null when its path is none of a
	 * page's (then it is not found anyway).
	 */
	static @Nullable String of(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		// Decoded, without path parameters (;jsessionid=…), as the site's mappings read
		// it; a path of plain characters only reads as it is written (the path asked
		// most: kept pages are looked up by it before anything else runs).
		boolean plain = isPlain(uri);
		String withinSite = plain ? uri.substring(contextPath.length()) : PATHS.getPathWithinApplication(request);
		String path = contextPath.isEmpty() ? withinSite : contextPath + withinSite;
		List<Parameter> parameters = PARAMETERS.get(pattern(withinSite));
		if (parameters == null || (!plain && !isPlain(path))) {
			return null;
		}
		StringBuilder query = null;
		for (Parameter parameter : parameters) {
			String value = (request.getQueryString() != null) ? request.getParameter(parameter.name()) : null;
			String spelled = (value != null) ? parameter.spelling().apply(value) : null;
			if (spelled != null) {
				query = ((query == null) ? new StringBuilder(path).append('?') : query.append('&'))
					.append(parameter.name())
					.append('=')
					.append(URLEncoder.encode(spelled, StandardCharsets.UTF_8));
			}
		}
		return (query != null) ? query.toString() : path;
	}

	/**
	 * The page's address for search engines and shares (its canonical link): its one
	 * address without what only moves within the page, a time link's moment; null like
	 * {@link #of}. Within the site: the context path left out.
	 */
	static @Nullable String canonical(HttpServletRequest request) {
		String address = of(request);
		if (address == null) {
			return null;
		}
		address = address.substring(request.getContextPath().length());
		int query = address.indexOf('?');
		if (query < 0) {
			return address;
		}
		StringBuilder kept = new StringBuilder(address.substring(0, query));
		for (String parameter : address.substring(query + 1).split("&")) {
			if (!WITHIN_THE_PAGE.contains(parameter.substring(0, parameter.indexOf('=')))) {
				kept.append((kept.indexOf("?") < 0) ? "?" : "&").append(parameter);
			}
		}
		return kept.toString();
	}

	/** The address as the request spells it. */
	static String requested(HttpServletRequest request) {
		return (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
	}

	/**
	 * The page pattern of a path. Only one segment is a page: deeper paths are files (an
	 * episode's uploaded transcript, {@code /episodes/{slug}/transcript.vtt}), which are
	 * served with their own ETag, neither redirected nor kept with the pages.
	 */
	private static String pattern(String path) {
		for (int i = 0; i < PARENTS.size(); i++) {
			String parent = PARENTS.get(i);
			if (path.startsWith(parent) && path.indexOf('/', parent.length()) < 0) {
				return CHILDREN.get(i);
			}
		}
		return path;
	}

	/**
	 * What a page's path may hold as it is: unreserved characters and slashes, no
	 * percent-encoding, no path parameter, no empty segment.
	 */
	static boolean isPlain(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '~' || c == '-' || (c == '/' && (i == 0 || path.charAt(i - 1) != '/'));
			if (!plain) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A page number without leading zeros, none for the first page; anything else as it
	 * is, for the list to answer not found.
	 */
	private static @Nullable String pageNumber(String value) {
		String number = number(value);
		return number.equals("1") ? null : number;
	}

	/** A number without leading zeros; anything else as it is, for the page to refuse. */
	private static String number(String value) {
		if (!DIGITS.matcher(value).matches()) {
			return value;
		}
		int start = 0;
		while (start < value.length() - 1 && value.charAt(start) == '0') {
			start++;
		}
		return value.substring(start);
	}

	private static String lowerCase(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	/**
	 * A time link's moment in whole seconds ({@code 1:02:05} is {@code 3725}); none when
	 * it names no moment: the page then starts at the beginning.
	 */
	private static @Nullable String moment(String value) {
		Long seconds = TimeLinks.seconds(value);
		return (seconds != null) ? seconds.toString() : null;
	}

	/** A parameter a page reads, and its one spelling (null: left out). */
	private record Parameter(String name, Function<String, @Nullable String> spelling) {
	}

}
