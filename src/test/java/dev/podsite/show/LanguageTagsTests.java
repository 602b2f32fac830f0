package dev.podsite.show;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTests {

	@Test
	void tagsComeOutInTheirCanonicalForm() {
		assertThat(LanguageTags.of("en-us")).isEqualTo("en-US");
		assertThat(LanguageTags.of(" en_US ")).isEqualTo("en-US");
		assertThat(LanguageTags.of("DE")).isEqualTo("de");
		assertThat(LanguageTags.of("es-419")).isEqualTo("es-419");
		assertThat(LanguageTags.of("zh-Hant-TW")).isEqualTo("zh-Hant-TW");
		assertThat(LanguageTags.of("fr-FR-u-ca-gregory")).isEqualTo("fr-FR");
	}

	@Test
	void languageNamesBecomeTheirCode() {
		assertThat(LanguageTags.of("English")).isEqualTo("en");
		assertThat(LanguageTags.of("german")).isEqualTo("de");
		assertThat(LanguageTags.of("Deutsch")).isEqualTo("de");
	}

	@Test
	void whatNamesNoLanguageHasNoTag() {
		assertThat(LanguageTags.of("Klingonisch")).isNull();
		assertThat(LanguageTags.of("xx-YY")).isNull();
		assertThat(LanguageTags.of("en-QQ")).isNull();
		assertThat(LanguageTags.of("x-private")).isNull();
		assertThat(LanguageTags.of(" ")).isNull();
		assertThat(LanguageTags.of(null)).isNull();
	}

}
