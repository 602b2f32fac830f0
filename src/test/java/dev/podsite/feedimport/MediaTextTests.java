package dev.podsite.feedimport;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTextTests {

	@Test
	void readsUtf8WhenNothingSaysOtherwise() {
		assertThat(MediaText.decode("Ça va – 👍".getBytes(StandardCharsets.UTF_8), "text/vtt")).isEqualTo("Ça va – 👍");
	}

	@Test
	void readsTheCharsetTheHeaderNames() {
		assertThat(MediaText.decode("Ça va".getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1"))
			.isEqualTo("Ça va");
	}

	@Test
	void aByteOrderMarkWinsAndIsDropped() {
		byte[] utf16 = "\uFEFFWEBVTT".getBytes(StandardCharsets.UTF_16BE);
		assertThat(MediaText.decode(utf16, "text/vtt; charset=utf-8")).isEqualTo("WEBVTT");
		byte[] utf8 = "\uFEFFWEBVTT".getBytes(StandardCharsets.UTF_8);
		assertThat(MediaText.decode(utf8, null)).isEqualTo("WEBVTT");
	}

	@Test
	void bytesThatAreNoTextBecomeReplacementCharactersAndAnUnknownCharsetIsIgnored() {
		assertThat(MediaText.decode(new byte[] { 'a', (byte) 0xff, 'b' }, "text/plain; charset=klingon"))
			.isEqualTo("a\uFFFDb");
	}

}
