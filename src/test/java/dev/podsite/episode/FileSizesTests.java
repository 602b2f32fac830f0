package dev.podsite.episode;

import java.util.Locale;
import java.util.Objects;

import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileSizesTests {

	@Test
	void smallFilesShowTheirBytes() {
		assertThat(english(FileSizes.format(5L))).isEqualTo("5 bytes");
		assertThat(english(FileSizes.format(1L))).isEqualTo("1 byte");
		assertThat(english(FileSizes.format(999L))).isEqualTo("999 bytes");
	}

	@Test
	void largerFilesShowKilobytesThenMegabytes() {
		assertThat(english(FileSizes.format(1000L))).isEqualTo("1 kB");
		assertThat(english(FileSizes.format(1499L))).isEqualTo("1 kB");
		assertThat(english(FileSizes.format(980_400L))).isEqualTo("980 kB");
		assertThat(english(FileSizes.format(999_600L))).isEqualTo("1 MB");
		assertThat(english(FileSizes.format(4_249_000L))).isEqualTo("4.2 MB");
		assertThat(english(FileSizes.format(9_960_000L))).isEqualTo("10 MB");
		assertThat(english(FileSizes.format(48_400_000L))).isEqualTo("48 MB");
		assertThat(english(FileSizes.format(1_234_567_890L))).isEqualTo("1,235 MB");
	}

	@Test
	void unknownSizesStayUnknown() {
		assertThat(english(FileSizes.format(null))).isNull();
		assertThat(english(FileSizes.format(0L))).isNull();
		assertThat(english(FileSizes.format(-1L))).isNull();
	}

	@Test
	void numbersAreFormattedForTheReadersLanguage() {
		assertThat(said(FileSizes.format(4_249_000L), "ro")).isEqualTo("4,2 MB");
		assertThat(said(FileSizes.format(1_234_567_890L), "ro")).isEqualTo("1.235 MB");
		assertThat(said(FileSizes.format(1L), "ro")).isEqualTo("1 octet");
		assertThat(said(FileSizes.format(25L), "ro")).isEqualTo("25 de octeți");
	}

	private static @Nullable String english(@Nullable HostNotice size) {
		return (size != null) ? size.english() : null;
	}

	private static String said(@Nullable HostNotice size, String language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages.getMessage(Objects.requireNonNull(size), Locale.forLanguageTag(language));
	}

}
