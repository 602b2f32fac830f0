package dev.podsite.episode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happens when in an episode: its chapters and its transcript, both in the order of
 * the audio.
 */
public record Timeline(List<Chapter> chapters, List<TranscriptCue> cues) {

	public static final Timeline EMPTY = new Timeline(List.of(), List.of());

	/** The chapters a table of contents lists. */
	public List<Chapter> tableOfContents() {
		return this.chapters.stream().filter(Chapter::toc).toList();
	}

	/**
	 * The transcript as a reader reads it: consecutive cues of one speaker joined into a
	 * turn that starts where its first cue does.
	 */
	public List<Turn> turns() {
		List<Turn> turns = new ArrayList<>();
		Turn current = null;
		for (TranscriptCue cue : this.cues) {
			if (current != null && Objects.equals(current.speaker(), cue.speaker())) {
				current.texts().add(cue.text());
			}
			else {
				current = new Turn(cue.speaker(), cue.start(), new ArrayList<>(List.of(cue.text())));
				turns.add(current);
			}
		}
		return turns;
	}

	/** One speaker's turn in the transcript. */
	public record Turn(@Nullable String speaker, double start, List<String> texts) {

		public String text() {
			return String.join(" ", this.texts);
		}

		public String startText() {
			return Durations.format((int) this.start);
		}

		public long startSeconds() {
			return (long) this.start;
		}

	}

}
