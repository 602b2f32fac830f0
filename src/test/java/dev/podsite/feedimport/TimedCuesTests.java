package dev.podsite.feedimport;

import java.util.List;

import dev.podsite.episode.TranscriptCue;
import dev.podsite.support.HostNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * WebVTT and SubRip transcripts, as tools write them and as junk arrives.
 */
class TimedCuesTests {

	@Test
	void readsWebVttWithVoicesSettingsIdentifiersAndNotes() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues.webVtt("""
				\uFEFFWEBVTT - a transcript
				Kind: captions
				Language: en

				STYLE
				::cue { color: red; }

				NOTE This is a comment
				that goes on

				intro
				00:00:00.000 --> 00:00:04.250 align:start position:10%
				<v Kevin>Welcome to <i>the</i> show.

				00:04.250 --> 00:07.000
				<v.loud Dave Jones>Thanks &amp; hi!</v>

				01:00:07.000 --> 01:00:09.500
				<c.yellow>No</c> voice &lt;here&gt;
				""");
		assertThat(vtt.items()).containsExactly(new TranscriptCue(0, 4.25, "Kevin", "Welcome to the show."),
				new TranscriptCue(4.25, 7.0, "Dave Jones", "Thanks & hi!"),
				new TranscriptCue(3607, 3609.5, null, "No voice <here>"));
		assertThat(HostNotice.english(vtt.warnings())).isEmpty();
	}

	@Test
	void readsWindowsLineEndingsAndMultiLineCues() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues
			.webVtt("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nfirst line\r\nsecond line\r\n");
		assertThat(vtt.items()).containsExactly(new TranscriptCue(1, 2.0, null, "first line second line"));
	}

	@Test
	void sortsCuesByTheirStartAndDropsAnEndBeforeTheStart() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues.webVtt("""
				WEBVTT

				00:00:10.000 --> 00:00:05.000
				later

				00:00:01.000 --> 00:00:02.000
				earlier
				""");
		assertThat(vtt.items()).containsExactly(new TranscriptCue(1, 2.0, null, "earlier"),
				new TranscriptCue(10, null, null, "later"));
	}

	@Test
	void skipsBlocksThatAreNoCueAndSaysHowMany() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues.webVtt("""
				WEBVTT

				just some text

				xx:yy --> 00:00:02.000
				bad time

				00:00:03.000 --> 00:00:04.000
				good
				""");
		assertThat(vtt.items()).extracting(TranscriptCue::text).containsExactly("good");
		assertThat(HostNotice.english(vtt.warnings()))
			.containsExactly("2 blocks that are not a cue with a readable time were skipped");
	}

	@Test
	void readsCuesOfAFileWithoutItsHeaderAndSaysSo() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues.webVtt("00:00:01.000 --> 00:00:02.000\nhello\n");
		assertThat(vtt.items()).extracting(TranscriptCue::text).containsExactly("hello");
		assertThat(HostNotice.english(vtt.warnings()))
			.containsExactly("it does not start with WEBVTT; its cues were read anyway");
	}

	@Test
	void dropsMarkupThatWouldBeHostileOnAPage() throws Exception {
		ParsedFile<TranscriptCue> vtt = TimedCues.webVtt("""
				WEBVTT

				00:00:01.000 --> 00:00:02.000
				<v Mallory><script>alert(1)</script><img src=x onerror=alert(2)>Hi <a href="javascript:x">there</a>
				""");
		assertThat(vtt.items()).singleElement().satisfies((cue) -> {
			assertThat(cue.text()).isEqualTo("alert(1)Hi there").doesNotContain("<", ">");
			assertThat(cue.speaker()).isEqualTo("Mallory");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "WEBVTT", "WEBVTT\n\nNOTE only a note", "<html><body>Not found</body></html>",
			"{\"segments\": []}", "\u0000\u0001\u0002\u00ff\ufffd" })
	void aFileWithoutCuesIsMalformed(String text) {
		assertThatExceptionOfType(MalformedFileException.class).isThrownBy(() -> TimedCues.webVtt(text))
			.withMessage("holds no cues (no line with a time span like 00:00:01.000 --> 00:00:04.000)");
	}

	@Test
	void readsSubRipWithItsCommasAndFormattingTags() throws Exception {
		ParsedFile<TranscriptCue> srt = TimedCues.subRip("""
				1
				00:00:01,000 --> 00:00:04,000
				{\\an8}<i>Hello</i> <font color="#ff0000">world</font>

				2
				00:00:04,500 --> 00:00:06,000
				Second
				line
				""");
		assertThat(srt.items()).containsExactly(new TranscriptCue(1, 4.0, null, "Hello world"),
				new TranscriptCue(4.5, 6.0, null, "Second line"));
	}

	@Test
	void takesSubRipSpeakerLabelsWhenTheFileKeepsToThem() throws Exception {
		ParsedFile<TranscriptCue> srt = TimedCues.subRip("""
				1
				00:00:01,000 --> 00:00:02,000
				KEVIN: Welcome back.

				2
				00:00:02,000 --> 00:00:03,000
				Today we talk: chapters.

				3
				00:00:03,000 --> 00:00:04,000
				DAVE: Thanks.

				4
				00:00:04,000 --> 00:00:05,000
				KEVIN: Let us go.

				5
				00:00:05,000 --> 00:00:06,000
				DAVE: Sure.
				""");
		assertThat(srt.items()).extracting(TranscriptCue::speaker)
			.containsExactly("KEVIN", "KEVIN", "DAVE", "KEVIN", "DAVE");
		assertThat(srt.items()).extracting(TranscriptCue::text)
			.containsExactly("Welcome back.", "Today we talk: chapters.", "Thanks.", "Let us go.", "Sure.");
	}

	@Test
	void joinsSubRipTextPartedByABlankLineToItsCue() throws Exception {
		ParsedFile<TranscriptCue> srt = TimedCues.subRip("""
				1
				00:00:01,000 --> 00:00:02,000
				First part

				and the rest &amp; more

				2
				00:00:03,000 --> 00:00:04,000
				Next
				""");
		assertThat(srt.items()).extracting(TranscriptCue::text)
			.containsExactly("First part and the rest & more", "Next");
	}

	@Test
	void keepsTheFirstCuesOfAnEndlessFile() throws Exception {
		StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
		for (int i = 0; i < TimedCues.MOST_CUES + 10; i++) {
			vtt.append(i / 3600)
				.append(':')
				.append(String.format("%02d:%02d", (i / 60) % 60, i % 60))
				.append(".000 --> ")
				.append(i / 3600)
				.append(':')
				.append(String.format("%02d:%02d", (i / 60) % 60, i % 60))
				.append(".500\nw\n\n");
		}
		ParsedFile<TranscriptCue> parsed = TimedCues.webVtt(vtt.toString());
		assertThat(parsed.items()).hasSize(TimedCues.MOST_CUES);
		assertThat(HostNotice.english(parsed.warnings()))
			.containsExactly("only its first 20,000 cues of 20,010 were kept");
	}

	@Test
	void readsATwoHourTranscriptQuickly() throws Exception {
		String vtt = twoHourWebVtt();
		TimedCues.webVtt(vtt);
		long started = System.nanoTime();
		List<TranscriptCue> cues = TimedCues.webVtt(vtt).items();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("A 2-hour WebVTT transcript (%,d bytes, 2,000 cues) read in %d ms%n", vtt.length(), millis);
		assertThat(cues).hasSize(2_000);
		assertThat(millis).as("parse of 2,000 cues, in ms").isLessThan(1_000);
	}

	/** 2,000 cues of 3.6 seconds each, with speakers, as a 2-hour episode has. */
	static String twoHourWebVtt() {
		StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
		for (int i = 0; i < 2_000; i++) {
			long start = i * 3_600L;
			vtt.append(time(start)).append(" --> ").append(time(start + 3_500)).append('\n');
			vtt.append("<v ").append((i % 2 == 0) ? "Kevin" : "Dave").append('>');
			vtt.append("This is sentence number ").append(i).append(" of a long conversation about Rust.\n\n");
		}
		return vtt.toString();
	}

	private static String time(long millis) {
		return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60,
				millis % 1000);
	}

}
