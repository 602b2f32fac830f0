package dev.podsite.support;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Serves documents rendered once per change from memory, for clients that ask for them
 * all day (podcast apps polling the feed, crawlers reading the sitemap): gzipped when
 * asked (Brotli when named), and a bodiless 304 when the client already has them. A
 * servlet filter run in Tomcat's pipeline before every other filter (FilterValve) rather
 * than a controller: these documents need none of the session, security and MVC machinery
 * the pages go through, so a 304 costs close to what a static file from nginx costs
 * (bench/README.md). They are public and set no cookie; their only security header is
 * nosniff.
 */
public class DocumentFilter extends HttpFilter {

	private final String contentType;

	private final String cacheControl;

	private final transient Supplier<? extends Optional<? extends ServedDocuments>> documents;

	/**
	 * @param contentType the documents' Content-Type
	 * @param cacheControl their Cache-Control
	 * @param documents the documents as they are now, empty while the site has no show
	 * yet
	 */
	public DocumentFilter(String contentType, String cacheControl,
			Supplier<? extends Optional<? extends ServedDocuments>> documents) {
		this.contentType = contentType;
		this.cacheControl = cacheControl;
		this.documents = documents;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean head = "HEAD".equals(request.getMethod());
		if (!head && !"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		Optional<? extends ServedDocuments> current = this.documents.get();
		if (current.isEmpty()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Not ready: nothing has been imported yet");
			return;
		}
		ServedDocument document = current.get()
			.find(request.getRequestURI().substring(request.getContextPath().length()));
		if (document == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		EncodedBody encoded = document.encoded();
		ContentCoding coding = encoded.codingFor(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String etag = encoded.etag(coding);
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.LAST_MODIFIED, document.lastModifiedHeader());
		response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (ConditionalRequests.notModified(request, etag, document.lastModified().toEpochMilli())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = encoded.bytes(coding);
		response.setContentType(this.contentType);
		if (coding.token() != null) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, coding.token());
		}
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	/** Whether the client takes gzip: named, and not with q=0. */
	public static boolean acceptsGzip(@Nullable String acceptEncoding) {
		return ContentCoding.accepts(acceptEncoding, "gzip");
	}

}
