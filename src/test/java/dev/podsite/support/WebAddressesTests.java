package dev.podsite.support;

import java.net.URI;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class WebAddressesTests {

	private static final URI FEED_URL = URI.create("https://feeds.example/show.xml");

	@ParameterizedTest
	@MethodSource("addresses")
	void webKeepsHttpAndHttpsOnly(String url, String expected) {
		assertThat(WebAddresses.web(url, FEED_URL)).isEqualTo(expected);
	}

	static Stream<Arguments> addresses() {
		return Stream.of(arguments("https://cdn.example/1.mp3", "https://cdn.example/1.mp3"),
				arguments("HTTP://CDN.example/1.mp3", "HTTP://CDN.example/1.mp3"),
				arguments("https://cdn.example/a file.mp3", "https://cdn.example/a%20file.mp3"),
				arguments("https://cdn.example/q?x=\"y\"", "https://cdn.example/q?x=%22y%22"),
				// A stray % and a | are encoded, as browsers send them and HTML allows.
				arguments("https://cdn.example/100%off.mp3?a=|", "https://cdn.example/100%25off.mp3?a=%7C"),
				arguments("https://cdn.example/already%20encoded.mp3", "https://cdn.example/already%20encoded.mp3"),
				arguments("https://host_with_underscore.example/1.mp3", "https://host_with_underscore.example/1.mp3"),
				arguments("//cdn.example/1.mp3", "https://cdn.example/1.mp3"),
				arguments("1.mp3", "https://feeds.example/1.mp3"),
				arguments("/audio/a b.mp3", "https://feeds.example/audio/a%20b.mp3"),
				arguments("javascript:alert(1)", null), arguments("JavaScript:alert(1)", null),
				arguments("java\tscript:alert(1)", null), arguments("java\nscript:alert(1)", null),
				arguments("data:text/html,<script>alert(1)</script>", null), arguments("vbscript:msgbox(1)", null),
				arguments("file:///etc/passwd", null), arguments("mailto:ann@show.example", null),
				arguments("http:/no-host", null), arguments("http:opaque", null), arguments("https://", null),
				arguments("http://exa mple.com/", null), arguments("http://[x/a.png", null),
				arguments("javascript:%61lert(1)", null), arguments("", null), arguments(null, null));
	}

	@Test
	void aRelativeAddressNeedsAWebBase() {
		assertThat(WebAddresses.web("a.mp3", URI.create("file:/srv/feeds/show.xml"))).isNull();
		assertThat(WebAddresses.web("a.mp3", null)).isNull();
	}

	@Test
	void cleanEncodesWhatABrowserWouldAndKeepsOtherSchemes() {
		assertThat(WebAddresses.clean("https://x.example/Copy - PC2052?q=\\\"a|b\"#x#y"))
			.isEqualTo("https://x.example/Copy%20-%20PC2052?q=%5C%22a%7Cb%22#x%23y");
		assertThat(WebAddresses.clean("https://x.example/a\tb%.png")).isEqualTo("https://x.example/ab%25.png");
		assertThat(WebAddresses.clean("mailto:ann@show.example")).isEqualTo("mailto:ann@show.example");
		assertThat(WebAddresses.clean("https:///x")).isNull();
	}

	@Test
	void hasSchemeTellsAbsoluteFromRelative() {
		assertThat(WebAddresses.hasScheme("https://a.example")).isTrue();
		assertThat(WebAddresses.hasScheme("mailto:a@b")).isTrue();
		assertThat(WebAddresses.hasScheme("a/b:c")).isFalse();
		assertThat(WebAddresses.hasScheme("//a.example")).isFalse();
	}

}
