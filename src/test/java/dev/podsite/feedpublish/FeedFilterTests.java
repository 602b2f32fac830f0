package dev.podsite.feedpublish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

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
	void eitherTagOfTheContentRevalidatesWeakOrStrongAndInAList() {
		assertThat(notModified("If-None-Match", this.feed.etag())).isTrue();
		assertThat(notModified("If-None-Match", this.feed.gzipEtag())).isTrue();
		assertThat(notModified("If-None-Match", "\"old\", W/" + this.feed.etag())).isTrue();
		assertThat(notModified("If-None-Match", "*")).isTrue();
		assertThat(notModified("If-None-Match", "\"old\"")).isFalse();
	}

	@Test
	void lastModifiedIsComparedToTheSecond() {
		assertThat(this.feed.lastModifiedHeader()).isEqualTo("Sun, 1 Mar 2026 10:15:30 GMT");
		assertThat(notModified("If-Modified-Since", "Sun, 1 Mar 2026 10:15:30 GMT")).isTrue();
		assertThat(notModified("If-Modified-Since", "Sun, 1 Mar 2026 10:15:29 GMT")).isFalse();
		assertThat(notModified("If-Modified-Since", "yesterday")).isFalse();
	}

	@Test
	void ifNoneMatchWinsOverIfModifiedSince() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader("If-None-Match", "\"old\"");
		request.addHeader("If-Modified-Since", this.feed.lastModifiedHeader());
		assertThat(FeedFilter.notModified(request, this.feed)).isFalse();
	}

	private boolean notModified(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader(header, value);
		return FeedFilter.notModified(request, this.feed);
	}

}
