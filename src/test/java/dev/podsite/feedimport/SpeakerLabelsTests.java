package dev.podsite.feedimport;

import java.util.Arrays;
import java.util.List;

import dev.podsite.episode.TranscriptCue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerLabelsTests {

	@Test
	void takesRecurringLabelsForSpeakersAndCarriesThemToTheCuesAfter() {
		List<TranscriptCue> cues = SpeakerLabels.apply(cues("Kevin: Welcome to the show.", "It is good to have you.",
				"Dave Jones: Thanks for having me.", "Kevin: Let us start.", "Dave Jones: Sure."));
		assertThat(cues).extracting(TranscriptCue::speaker)
			.containsExactly("Kevin", "Kevin", "Dave Jones", "Kevin", "Dave Jones");
		assertThat(cues).extracting(TranscriptCue::text)
			.containsExactly("Welcome to the show.", "It is good to have you.", "Thanks for having me.",
					"Let us start.", "Sure.");
	}

	@Test
	void takesNumberedSpeakersOfTranscriptionServices() {
		assertThat(SpeakerLabels.apply(cues("Speaker 1: Hi.", "Speaker 2: Hello.", "Speaker 1: Bye.")))
			.extracting(TranscriptCue::speaker)
			.containsExactly("Speaker 1", "Speaker 2", "Speaker 1");
	}

	@Test
	void leavesALabelThatStartsOneCueOnlyAsText() {
		List<TranscriptCue> cues = cues("Note: this was recorded live.", "Kevin said hello.");
		assertThat(SpeakerLabels.apply(cues)).isEqualTo(cues);
	}

	@Test
	void leavesLabelsThatAreRareInALongFileAsText() {
		TranscriptCue[] many = new TranscriptCue[100];
		for (int i = 0; i < many.length; i++) {
			many[i] = new TranscriptCue(i, null, null, (i == 10 || i == 50) ? "Warning: loud noise." : "Text " + i);
		}
		List<TranscriptCue> cues = Arrays.asList(many);
		assertThat(SpeakerLabels.apply(cues)).isEqualTo(cues);
	}

	@Test
	void leavesSentencesWithAColonAsText() {
		List<TranscriptCue> cues = cues("At 10:30 we met.", "at 10:30: again", "We said: yes.", "We said: no.",
				"the rule is: one: two", "the rule is: one: two");
		assertThat(SpeakerLabels.apply(cues)).isEqualTo(cues);
	}

	@Test
	void keepsTheSpeakersAFileNamesItself() {
		List<TranscriptCue> cues = List.of(new TranscriptCue(0, null, "Ann", "Bob: hi"),
				new TranscriptCue(1, null, null, "Bob: hi"));
		assertThat(SpeakerLabels.apply(cues)).isEqualTo(cues);
	}

	private static List<TranscriptCue> cues(String... texts) {
		TranscriptCue[] cues = new TranscriptCue[texts.length];
		for (int i = 0; i < texts.length; i++) {
			cues[i] = new TranscriptCue(i, null, null, texts[i]);
		}
		return Arrays.asList(cues);
	}

}
