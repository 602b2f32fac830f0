package dev.podsite.feedpublish;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /feed.xml} for podcast apps that poll it all day: from memory, gzipped when
 * asked, and a bodiless 304 when the poller already has it.
 */
@Controller
class FeedController {

	static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=utf-8");

	// Short enough for a new episode to reach apps soon, long enough for a CDN to absorb
	// polling.
	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofMinutes(1));

	private final PublishedFeed feed;

	FeedController(PublishedFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> feed(HttpServletRequest request) {
		RenderedFeed rendered = this.feed.get()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The feed is not ready: nothing has been imported yet"));
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String etag = gzip ? rendered.gzipEtag() : rendered.etag();
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setLastModified(rendered.lastModified());
		headers.setCacheControl(CACHE);
		headers.setVary(java.util.List.of(HttpHeaders.ACCEPT_ENCODING));
		if (notModified(request, rendered)) {
			return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
		}
		headers.setContentType(RSS);
		if (gzip) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		byte[] body = gzip ? rendered.gzipped() : rendered.xml();
		headers.setContentLength(body.length);
		return new ResponseEntity<>(body, headers, HttpStatus.OK);
	}

	/**
	 * If-None-Match wins over If-Modified-Since (RFC 9110); tags compare weakly, and
	 * either representation's tag names the same content.
	 */
	private static boolean notModified(HttpServletRequest request, RenderedFeed rendered) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			return Arrays.stream(ifNoneMatch.split(","))
				.map(String::strip)
				.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
				.anyMatch((tag) -> tag.equals("*") || tag.equals(rendered.etag()) || tag.equals(rendered.gzipEtag()));
		}
		String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
		if (ifModifiedSince != null) {
			try {
				Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return !rendered.lastModified().isAfter(since);
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}
		return false;
	}

	private static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		return Arrays.stream(acceptEncoding.split(","))
			.map((coding) -> coding.strip().toLowerCase())
			.anyMatch((coding) -> (coding.equals("gzip") || coding.startsWith("gzip;"))
					&& !coding.replace(" ", "").endsWith("q=0"));
	}

}
