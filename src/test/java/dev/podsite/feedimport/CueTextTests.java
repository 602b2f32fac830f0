package dev.podsite.feedimport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CueTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			<v Kevin>Hello <i>there</i></v>                 | Hello there
			<c.yellow>Fish</c> &amp; chips &lt;3             | Fish & chips <3
			Line one\\nline   two                              | Line one line two
			<b>bold <u>and underlined                         | bold and underlined
			<script>alert(1)</script>Hi                      | alert(1)Hi
			<img src=x onerror=alert(1)>Hi                   | Hi
			Cut at the end <i                                 | Cut at the end
			{\\an8}Top of the screen                          | Top of the screen
			Ça&nbsp;va&nbsp;?                                 | Ça va ?
			<00:00:01.000>karaoke <00:00:01.500>timed         | karaoke timed
			&lt;b&gt;not a tag&lt;/b&gt;                      | <b>not a tag</b>
			""")
	void keepsTheTextAndDropsTheMarkup(String markup, String text) {
		assertThat(CueText.plain(markup.replace("\\n", "\n"))).isEqualTo(text);
	}

	@Test
	void readsTheFirstVoiceOfACueAsItsSpeaker() {
		assertThat(CueText.voice("<v Roger Bingham>We are in New York City")).isEqualTo("Roger Bingham");
		assertThat(CueText.voice("<v.first.loud Esme>It's a blue apple tree!</v>")).isEqualTo("Esme");
		assertThat(CueText.voice("<v  Dr. &amp; Mrs. Who >Hi</v>")).isEqualTo("Dr. & Mrs. Who");
		assertThat(CueText.voice("<v>No one</v>")).isNull();
		assertThat(CueText.voice("No voice")).isNull();
		assertThat(CueText.voice("<v <b>Bold</b>>Text")).isNull();
	}

	@Test
	void cutsAnEndlessCue() {
		assertThat(CueText.plain("word ".repeat(10_000))).hasSize(CueText.LONGEST).endsWith("…");
	}

}
