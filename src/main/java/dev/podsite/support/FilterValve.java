package dev.podsite.support;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.tomcat.TomcatContextCustomizer;

/**
 * A servlet filter run in Tomcat's pipeline for its paths, before the servlet filter
 * chain is built: for documents answered from memory all day (the feed, the sitemap),
 * whose answer the chain (proxy headers, character encoding, request and response
 * wrappers) made about a third dearer (bench/README.md). What the filter passes on goes
 * through the pipeline as any request.
 */
public final class FilterValve extends ValveBase {

	private final Filter filter;

	private final List<String> patterns;

	private FilterValve(Filter filter, List<String> patterns) {
		super(true);
		this.filter = filter;
		this.patterns = patterns;
	}

	/**
	 * The filter in the site's pipeline for paths like a filter mapping's URL patterns:
	 * exact ({@code /feed.xml}) or a prefix ({@code /sitemaps/*}).
	 */
	public static TomcatContextCustomizer forPaths(Filter filter, String... urlPatterns) {
		FilterValve valve = new FilterValve(filter, List.of(urlPatterns));
		return (context) -> context.getPipeline().addValve(valve);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (serves(request.getDecodedRequestURI().substring(request.getContextPath().length()))) {
			this.filter.doFilter(request, response, (passed, answer) -> getNext().invoke(request, response));
		}
		else {
			getNext().invoke(request, response);
		}
	}

	boolean serves(String path) {
		for (String pattern : this.patterns) {
			if (pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
					: path.equals(pattern)) {
				return true;
			}
		}
		return false;
	}

}
