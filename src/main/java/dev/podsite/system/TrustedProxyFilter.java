package dev.podsite.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is and how it came (its address, scheme, host and port), from the
 * forwarded headers of a trusted proxy (TrustedProxies) and nobody else's: a neighbour on
 * the site's network (a LAN, a tailnet, a Docker network) could otherwise pose as any
 * address to the sign-in throttle, or as HTTPS. Spring's ForwardedHeaderFilter applies
 * the believed headers; from anyone else it removes them all. Placed before every other
 * filter, so sessions, security and the pages see the client's address and scheme.
 */
class TrustedProxyFilter extends OncePerRequestFilter {

	/** Every forwarded header Spring's filter reads. */
	private static final Set<String> FORWARDED_HEADERS = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
			"x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");

	private final TrustedProxies proxies;

	private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

	TrustedProxyFilter(TrustedProxies proxies) {
		this.proxies = proxies;
		this.remove.setRemoveOnly(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.proxies.trusts(request.getRemoteAddr())) {
			this.apply.doFilter(new Believed(request, this.proxies.believed(request)), response, chain);
		}
		else {
			this.remove.doFilter(request, response, chain);
		}
	}

	// Error pages are rendered in a dispatch of their own: they see the client too.
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		doFilterInternal(request, response, chain);
	}

	/**
	 * A trusted proxy's request with the forwarded headers to believe, one value each,
	 * and no other: the site runs under no path prefix, so X-Forwarded-Prefix is never
	 * believed.
	 */
	private static final class Believed extends HttpServletRequestWrapper {

		private final Map<String, String> believed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		Believed(HttpServletRequest request, Map<String, String> believed) {
			super(request);
			this.believed.putAll(believed);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return forwarded(name) ? this.believed.get(name) : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (forwarded(name)) {
				String value = this.believed.get(name);
				return Collections.enumeration((value != null) ? List.of(value) : List.of());
			}
			return super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(
					Stream
						.concat(Collections.list(super.getHeaderNames()).stream().filter((name) -> !forwarded(name)),
								this.believed.keySet().stream())
						.toList());
		}

		private static boolean forwarded(String name) {
			return FORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}

	}

}
