package dev.podsite.rome;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** {@code <podcast:chapters url="…" type="…"/>}. */
public record Chapters(String url, @Nullable String type) implements Serializable {
}
