package dev.podsite.feedpublish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class FeedFilterTests {

	private final RenderedFeed feed = RenderedFeed.of("<rss/>".getBytes(StandardCharsets.UTF_8),
			Instant.parse("2026-03-01T10:15:30.500Z"), 0);

	@Test
	void gzipIsSentOnlyToClientsThatAcceptIt() {
		assertThat(FeedFilter.acceptsGzip("gzip")).isTrue();
		assertThat(FeedFilter.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
		assertThat(FeedFilter.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(FeedFilter.acceptsGzip("gzip; q=0.0, br")).isFalse();
		assertThat(FeedFilter.acceptsGzip("br, deflate")).isFalse();
		assertThat(FeedFilter.acceptsGzip(null)).isFalse();
	}

	@Test
	void aTagRevalidatesTheRepresentationItNamesWeakOrStrongAndInAList() throws Exception {
		assertThat(status("If-None-Match", this.feed.etag())).isEqualTo(304);
		assertThat(status("If-None-Match", "\"old\", W/" + this.feed.etag())).isEqualTo(304);
		assertThat(status("If-None-Match", "\"old\"")).isEqualTo(200);
		// The gzipped bytes are another representation, with a tag of their own.
		assertThat(status("If-None-Match", this.feed.gzipEtag())).isEqualTo(200);
		assertThat(status("If-None-Match", this.feed.gzipEtag(), "Accept-Encoding", "gzip")).isEqualTo(304);
	}

	@Test
	void lastModifiedIsComparedToTheSecond() throws Exception {
		assertThat(this.feed.lastModifiedHeader()).isEqualTo("Sun, 1 Mar 2026 10:15:30 GMT");
		assertThat(status("If-Modified-Since", "Sun, 1 Mar 2026 10:15:30 GMT")).isEqualTo(304);
		assertThat(status("If-Modified-Since", "Sun, 1 Mar 2026 10:15:29 GMT")).isEqualTo(200);
		assertThat(status("If-Modified-Since", "yesterday")).isEqualTo(200);
	}

	@Test
	void ifNoneMatchWinsOverIfModifiedSince() throws Exception {
		assertThat(status("If-None-Match", "\"old\"", "If-Modified-Since", this.feed.lastModifiedHeader()))
			.isEqualTo(200);
	}

	@Test
	void aNotModifiedAnswerHasNoBodyButTheValidators() throws Exception {
		MockHttpServletResponse response = filter("If-None-Match", this.feed.etag());
		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getHeader("ETag")).isEqualTo(this.feed.etag());
		assertThat(response.getHeader("Last-Modified")).isEqualTo(this.feed.lastModifiedHeader());
	}

	private int status(String... headers) throws Exception {
		return filter(headers).getStatus();
	}

	private MockHttpServletResponse filter(String... headers) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		for (int i = 0; i < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		new FeedFilter(() -> Optional.of(this.feed), Optional::empty, new FeedRequests(new SimpleMeterRegistry()))
			.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
