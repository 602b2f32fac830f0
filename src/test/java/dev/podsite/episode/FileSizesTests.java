package dev.podsite.episode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileSizesTests {

	@Test
	void smallFilesShowTheirBytes() {
		assertThat(FileSizes.format(5L)).isEqualTo("5 bytes");
		assertThat(FileSizes.format(1L)).isEqualTo("1 byte");
		assertThat(FileSizes.format(999L)).isEqualTo("999 bytes");
	}

	@Test
	void largerFilesShowKilobytesThenMegabytes() {
		assertThat(FileSizes.format(1000L)).isEqualTo("1 kB");
		assertThat(FileSizes.format(1499L)).isEqualTo("1 kB");
		assertThat(FileSizes.format(980_400L)).isEqualTo("980 kB");
		assertThat(FileSizes.format(999_600L)).isEqualTo("1 MB");
		assertThat(FileSizes.format(4_249_000L)).isEqualTo("4.2 MB");
		assertThat(FileSizes.format(9_960_000L)).isEqualTo("10 MB");
		assertThat(FileSizes.format(48_400_000L)).isEqualTo("48 MB");
		assertThat(FileSizes.format(1_234_567_890L)).isEqualTo("1235 MB");
	}

	@Test
	void unknownSizesStayUnknown() {
		assertThat(FileSizes.format(null)).isNull();
		assertThat(FileSizes.format(0L)).isNull();
		assertThat(FileSizes.format(-1L)).isNull();
	}

}
