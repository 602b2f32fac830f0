package dev.podsite.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void spacesAndControlCharactersCollapse() {
		assertThat(SearchText.spelling("  rust\u0000\t async\u200b ")).isEqualTo("rust async");
		assertThat(SearchText.spelling(" \u0000 ")).isNull();
		assertThat(SearchText.spelling(null)).isNull();
		assertThat(SearchText.spelling("\uD83E x")).isEqualTo("x");
		assertThat(SearchText.spelling("\uD83E\uDD80 crab")).isEqualTo("\uD83E\uDD80 crab");
	}

	@Test
	void aLongTextIsCutAfterAWholeWordAndSaysSoAtItsOneAddress() {
		String cut = SearchText.spelling("ferris ".repeat(800));
		assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(SearchText.MAX_LENGTH);
		assertThat(cut).endsWith("ferris\u2026");
		assertThat(SearchText.shortened(cut)).isTrue();
		assertThat(SearchText.spelling(cut)).isEqualTo(cut);
		assertThat(SearchText.shortened(SearchText.spelling("ferris"))).isFalse();
		assertThat(SearchText.spelling("a".repeat(5000))).hasSize(SearchText.MAX_LENGTH);
	}

}
