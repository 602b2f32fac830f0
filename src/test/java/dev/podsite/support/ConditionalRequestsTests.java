package dev.podsite.support;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * If-None-Match compares tags weakly, takes lists and {@code *}, and overrides
 * If-Modified-Since, which counts whole seconds.
 */
class ConditionalRequestsTests {

	private static final String ETAG = "\"abc-gzip\"";

	@Test
	void aTagInTheListMatchesStrongOrWeak() {
		assertThat(notModified("If-None-Match", "\"abc-gzip\"")).isTrue();
		assertThat(notModified("If-None-Match", "W/\"abc-gzip\"")).isTrue();
		assertThat(notModified("If-None-Match", "\"x\", \"abc-gzip\" ,\"y\"")).isTrue();
		assertThat(notModified("If-None-Match", "*")).isTrue();
		assertThat(notModified("If-None-Match", "\"abc\"")).isFalse();
		assertThat(notModified("If-None-Match", "abc-gzip")).isFalse();
		assertThat(notModified("If-None-Match", "")).isFalse();
	}

	@Test
	void ifNoneMatchOverridesIfModifiedSince() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader("If-None-Match", "\"other\"");
		request.addHeader("If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT");
		assertThat(ConditionalRequests.notModified(request, ETAG, 0)).isFalse();
	}

	@Test
	void ifModifiedSinceCountsWholeSeconds() {
		long changed = 1_796_119_200_500L;
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader("If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT");
		assertThat(ConditionalRequests.notModified(request, ETAG, changed)).isTrue();
		assertThat(ConditionalRequests.notModified(request, ETAG, changed + 1000)).isFalse();
		assertThat(ConditionalRequests.notModified(request, ETAG, -1)).isFalse();
	}

	@Test
	void aDateThatIsNoDateIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader("If-Modified-Since", "yesterday");
		assertThat(ConditionalRequests.notModified(request, ETAG, 0)).isFalse();
	}

	private static boolean notModified(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
		request.addHeader(header, value);
		return ConditionalRequests.notModified(request, ETAG, -1);
	}

}
