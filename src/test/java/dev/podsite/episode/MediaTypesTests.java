package dev.podsite.episode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypesTests {

	@Test
	void tellsTheTypeByTheExtensionOfThePath() {
		assertThat(MediaTypes.fromUrl("https://cdn.example/ep/1.mp3")).isEqualTo("audio/mpeg");
		assertThat(MediaTypes.fromUrl("https://cdn.example/ep/1.M4A?token=a.b")).isEqualTo("audio/x-m4a");
		assertThat(MediaTypes.fromUrl("https://cdn.example/ep/1.mp4#t=10")).isEqualTo("video/mp4");
		assertThat(MediaTypes.fromUrl("https://cdn.example/a file.ogg")).isEqualTo("audio/ogg");
	}

	@Test
	void anUnknownKindIsAnOctetStream() {
		assertThat(MediaTypes.fromUrl("https://cdn.example/download?id=7")).isEqualTo(MediaTypes.UNKNOWN);
		assertThat(MediaTypes.fromUrl("https://cdn.example.com/ep/")).isEqualTo(MediaTypes.UNKNOWN);
		assertThat(MediaTypes.fromUrl("https://cdn.example/x.xyz")).isEqualTo(MediaTypes.UNKNOWN);
	}

}
