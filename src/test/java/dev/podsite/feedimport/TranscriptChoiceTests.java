package dev.podsite.feedimport;

import java.util.List;

import dev.podsite.episode.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptChoiceTests {

	private static final Transcript HTML = new Transcript("https://t.example/1.html", "text/html", null, null);

	private static final Transcript VTT = new Transcript("https://t.example/1.vtt", "text/vtt", null, null);

	private static final Transcript SRT = new Transcript("https://t.example/1.srt", "application/x-subrip", null, null);

	private static final Transcript JSON = new Transcript("https://t.example/1.json", "application/json", null, null);

	private static final Transcript TEXT = new Transcript("https://t.example/1.txt", "text/plain", null, null);

	@Test
	void prefersTheMostStructure() {
		assertThat(chosen(List.of(TEXT, HTML, SRT, VTT, JSON), "en")).isEqualTo(JSON);
		assertThat(chosen(List.of(TEXT, HTML, SRT, VTT), "en")).isEqualTo(VTT);
		assertThat(chosen(List.of(TEXT, HTML, SRT), "en")).isEqualTo(SRT);
		assertThat(chosen(List.of(TEXT, HTML), "en")).isEqualTo(HTML);
		assertThat(chosen(List.of(TEXT), "en")).isEqualTo(TEXT);
	}

	@Test
	void prefersATranscriptToCaptionsOfTheSameFormatButNotToLessStructure() {
		Transcript captions = new Transcript("https://t.example/captions.vtt", "text/vtt", null, "captions");
		Transcript reading = new Transcript("https://t.example/reading.vtt", "text/vtt", null, null);
		assertThat(chosen(List.of(captions, reading), null)).isEqualTo(reading);
		assertThat(chosen(List.of(captions, TEXT), null)).isEqualTo(captions);
	}

	@Test
	void prefersTheShowsLanguageWhenSeveralAreOffered() {
		Transcript german = new Transcript("https://t.example/de.json", "application/json", "de", null);
		Transcript english = new Transcript("https://t.example/en.vtt", "text/vtt", "en-US", null);
		assertThat(chosen(List.of(german, english), "en-us")).isEqualTo(english);
		assertThat(chosen(List.of(german, english), "de-DE")).isEqualTo(german);
		assertThat(chosen(List.of(german, english), "fr")).as("none in the show's language: the best")
			.isEqualTo(german);
		assertThat(chosen(List.of(german, VTT), "en")).as("without a language: the feed's").isEqualTo(VTT);
	}

	@Test
	void knowsAFormatByTheAddressWhenTheTypeSaysNothingAndSkipsWhatItCannotRead() {
		Transcript untyped = new Transcript("https://t.example/episode.srt?v=2", null, null, null);
		Transcript pdf = new Transcript("https://t.example/episode.pdf", "application/pdf", null, null);
		assertThat(chosen(List.of(pdf, untyped), null)).isEqualTo(untyped);
		assertThat(TranscriptChoice.choose(List.of(pdf), "en")).isEmpty();
		assertThat(TranscriptChoice.choose(List.of(), "en")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			WEBVTT\\n\\n00:00.000 --> 00:01.000\\nhi              | WEBVTT
			\\uFEFF  {"segments": []}                            | JSON
			1\\n00:00:01,000 --> 00:00:02,000\\nhi                | SUBRIP
			<!DOCTYPE html><p>hi</p>                              | HTML
			Just words                                            |
			""")
	void knowsAFormatByItsStart(String text, TranscriptFormat format) {
		String unescaped = text.replace("\\n", "\n").replace("\\uFEFF", "\uFEFF");
		assertThat(TranscriptFormat.sniffed(unescaped)).isEqualTo(format);
	}

	private static Transcript chosen(List<Transcript> transcripts, String language) {
		return TranscriptChoice.choose(transcripts, language).orElseThrow().transcript();
	}

}
