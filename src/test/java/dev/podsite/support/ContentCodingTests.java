package dev.podsite.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Brotli when named and kept, else gzip, else the bytes as they are. */
class ContentCodingTests {

	@Test
	void theSmallestCodingTheClientTakes() {
		assertThat(ContentCoding.preferred("gzip, deflate, br, zstd", true)).isEqualTo(ContentCoding.BROTLI);
		assertThat(ContentCoding.preferred("gzip, deflate, br", false)).isEqualTo(ContentCoding.GZIP);
		assertThat(ContentCoding.preferred("BR;q=0.5, gzip;q=1", true)).isEqualTo(ContentCoding.BROTLI);
		assertThat(ContentCoding.preferred("br;q=0, gzip", true)).isEqualTo(ContentCoding.GZIP);
		assertThat(ContentCoding.preferred("gzip;q=0", true)).isEqualTo(ContentCoding.IDENTITY);
		assertThat(ContentCoding.preferred("*", true)).isEqualTo(ContentCoding.BROTLI);
		assertThat(ContentCoding.preferred("*;q=0, identity", true)).isEqualTo(ContentCoding.IDENTITY);
		assertThat(ContentCoding.preferred("deflate", true)).isEqualTo(ContentCoding.IDENTITY);
		assertThat(ContentCoding.preferred(null, true)).isEqualTo(ContentCoding.IDENTITY);
	}

	@Test
	void eachCodingHasItsOwnTag() {
		assertThat(ContentCoding.IDENTITY.etag("h")).isEqualTo("\"h\"");
		assertThat(ContentCoding.GZIP.etag("h")).isEqualTo("\"h-gzip\"");
		assertThat(ContentCoding.BROTLI.etag("h")).isEqualTo("\"h-br\"");
	}

}
