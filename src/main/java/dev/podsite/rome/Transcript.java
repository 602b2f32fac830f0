package dev.podsite.rome;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** {@code <podcast:transcript url="…" type="…" language="…" rel="…"/>}. */
public record Transcript(String url, @Nullable String type, @Nullable String language,
		@Nullable String rel) implements Serializable {
}
