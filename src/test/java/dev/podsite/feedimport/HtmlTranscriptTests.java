package dev.podsite.feedimport;

import dev.podsite.episode.TranscriptCue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HtmlTranscriptTests {

	@Test
	void readsTheSpecsForm() throws Exception {
		ParsedFile<TranscriptCue> parsed = HtmlTranscript.parse("""
				<!DOCTYPE html><html><head><title>Episode 1</title><style>p { color: red }</style></head><body>
				<cite>Kevin:</cite>
				<time>0:00</time>
				<p>Welcome to <b>the</b> show &amp; hello.</p>
				<p>A second paragraph.</p>
				<cite>Dave:</cite>
				<time>0:16</time>
				<p>Thanks!</p>
				<cite>Kevin:</cite>
				<time datetime="1:01:02.5">an hour in</time>
				<p>Later.</p>
				</body></html>
				""");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(0, null, "Kevin", "Welcome to the show & hello."),
				new TranscriptCue(0, null, "Kevin", "A second paragraph."),
				new TranscriptCue(16, null, "Dave", "Thanks!"), new TranscriptCue(3662.5, null, "Kevin", "Later."));
	}

	@Test
	void readsSpeakersAndTimesInsideTheParagraph() throws Exception {
		ParsedFile<TranscriptCue> parsed = HtmlTranscript
			.parse("<p><cite>Kevin:</cite> <time>1:05</time> Hello there.</p>");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(65, null, "Kevin", "Hello there."));
	}

	@Test
	void neverTakesScriptsOrHandlersForText() throws Exception {
		ParsedFile<TranscriptCue> parsed = HtmlTranscript
			.parse("""
					<cite>Mallory<script>alert(1)</script>:</cite>
					<p onclick="alert(2)">Hi <script>alert(3)</script><img src=x onerror=alert(4)><iframe src="https://evil.example"></iframe>there</p>
					""");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(0, null, "Mallory", "Hi there"));
	}

	@Test
	void readsAPageWithoutParagraphsAsText() throws Exception {
		ParsedFile<TranscriptCue> parsed = HtmlTranscript.parse("<html><body>Just text\n\nin two parts</body></html>");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(0, null, null, "Just text"),
				new TranscriptCue(0, null, null, "in two parts"));
	}

	@Test
	void aPageWithoutTextIsMalformed() {
		assertThatExceptionOfType(MalformedFileException.class)
			.isThrownBy(() -> HtmlTranscript.parse("<html><body><script>alert(1)</script></body></html>"))
			.withMessage("is empty");
	}

	@Test
	void aFloodOfElementsIsRefusedQuickly() {
		String flood = "<b><i><u><p>x".repeat(60_000);
		long started = System.nanoTime();
		assertThatExceptionOfType(MalformedFileException.class).isThrownBy(() -> HtmlTranscript.parse(flood))
			.withMessage("holds more than 200,000 HTML elements, far more than a transcript has");
		assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(10_000);
	}

}
