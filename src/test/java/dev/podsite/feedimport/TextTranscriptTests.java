package dev.podsite.feedimport;

import dev.podsite.episode.TranscriptCue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextTranscriptTests {

	@Test
	void readsEachParagraphAsACueAtTheStartWithItsSpeaker() throws Exception {
		ParsedFile<TranscriptCue> parsed = TextTranscript.parse("""
				Kevin: Welcome to the show.
				It is a long paragraph.

				Dave: Thanks <3 for having me.

				Kevin: Let us start.
				""");
		assertThat(parsed.items()).containsExactly(
				new TranscriptCue(0, null, "Kevin", "Welcome to the show. It is a long paragraph."),
				new TranscriptCue(0, null, "Dave", "Thanks <3 for having me."),
				new TranscriptCue(0, null, "Kevin", "Let us start."));
	}

	@Test
	void readsEachLineOfAFileWithoutBlankLines() throws Exception {
		assertThat(TextTranscript.parse("one\r\ntwo\r\nthree").items()).extracting(TranscriptCue::text)
			.containsExactly("one", "two", "three");
	}

	@Test
	void anEmptyFileIsMalformed() {
		assertThatExceptionOfType(MalformedFileException.class).isThrownBy(() -> TextTranscript.parse(" \n\n \t"))
			.withMessage("is empty");
	}

}
