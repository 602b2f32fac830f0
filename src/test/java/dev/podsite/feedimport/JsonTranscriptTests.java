package dev.podsite.feedimport;

import dev.podsite.episode.TranscriptCue;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonTranscriptTests {

	@Test
	void readsSegmentsWithSpeakersAndTimes() throws Exception {
		ParsedFile<TranscriptCue> parsed = JsonTranscript.parse("""
				{"version": "1.0.0", "segments": [
				  {"speaker": "Kevin", "startTime": 0.5, "endTime": 2.0, "body": "Welcome to the show."},
				  {"speaker": "Dave", "startTime": 2, "endTime": 4.25, "body": "Thanks <b>for</b> having me."},
				  {"startTime": 5, "body": "No speaker."}
				]}
				""");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(0.5, 2.0, "Kevin", "Welcome to the show."),
				new TranscriptCue(2, 4.25, "Dave", "Thanks for having me."),
				new TranscriptCue(5, null, null, "No speaker."));
	}

	@Test
	void joinsASegmentPerWordIntoSentences() throws Exception {
		ParsedFile<TranscriptCue> parsed = JsonTranscript.parse("""
				{"segments": [
				  {"speaker": "Kevin", "startTime": 0.0, "endTime": 0.3, "body": "Hello"},
				  {"speaker": "Kevin", "startTime": 0.3, "endTime": 0.6, "body": "there."},
				  {"speaker": "Kevin", "startTime": 0.7, "endTime": 0.9, "body": "Welcome"},
				  {"speaker": "Dave", "startTime": 1.0, "endTime": 1.2, "body": "Thanks"}
				]}
				""");
		assertThat(parsed.items()).containsExactly(new TranscriptCue(0, 0.6, "Kevin", "Hello there."),
				new TranscriptCue(0.7, 0.9, "Kevin", "Welcome"), new TranscriptCue(1, 1.2, "Dave", "Thanks"));
	}

	@Test
	void skipsSegmentsWithoutTimeOrBody() throws Exception {
		ParsedFile<TranscriptCue> parsed = JsonTranscript.parse("""
				{"segments": [{"body": "no time"}, {"startTime": 1}, {"startTime": 2, "body": 42},
				  {"startTime": 3, "body": "   "}, {"startTime": 4, "body": "kept"}]}
				""");
		assertThat(parsed.items()).extracting(TranscriptCue::text).containsExactly("kept");
		assertThat(HostNotice.english(parsed.warnings()))
			.containsExactly("3 segments without a readable startTime or body were skipped");
	}

	@Test
	void aFileWithoutSegmentsIsMalformed() {
		assertThatExceptionOfType(MalformedFileException.class)
			.isThrownBy(() -> JsonTranscript.parse("{\"version\": \"1.0.0\"}"))
			.withMessage("has no \"segments\" list");
	}

}
