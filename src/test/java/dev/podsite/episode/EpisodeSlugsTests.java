package dev.podsite.episode;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeSlugsTests {

	@Test
	void transliteratesDiacritics() {
		assertThat(EpisodeSlugs.slugify("Șapte țări")).isEqualTo("sapte-tari");
		assertThat(EpisodeSlugs.slugify("Straße über Ærø")).isEqualTo("strasse-uber-aero");
		assertThat(EpisodeSlugs.slugify("JetBrains with Orhun Parmaksız")).isEqualTo("jetbrains-with-orhun-parmaksiz");
	}

	@Test
	void keepsOnlyLettersDigitsAndSingleDashes() {
		assertThat(EpisodeSlugs.slugify("  Cloudflare with Edward Wang & Kevin Guthrie! "))
			.isEqualTo("cloudflare-with-edward-wang-and-kevin-guthrie");
		assertThat(EpisodeSlugs.slugify("S01E02 -- \"PubNub\"/Stephen")).isEqualTo("s01e02-pubnub-stephen");
	}

	@Test
	void givesAFallbackForTitlesWithoutLetters() {
		assertThat(EpisodeSlugs.slugify("???")).isEqualTo("episode");
		assertThat(EpisodeSlugs.slugify("日本語")).isEqualTo("episode");
	}

	@Test
	void limitsTheLength() {
		assertThat(EpisodeSlugs.slugify("word ".repeat(40))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
	}

	@Test
	void numbersTakenSlugs() {
		assertThat(EpisodeSlugs.unique("Holiday Episode", Set.of())).isEqualTo("holiday-episode");
		assertThat(EpisodeSlugs.unique("Holiday Episode", Set.of("holiday-episode", "holiday-episode-2")))
			.isEqualTo("holiday-episode-3");
	}

}
