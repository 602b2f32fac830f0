package dev.podsite.rome;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** {@code <podcast:funding url="…">text</podcast:funding>}. */
public record Funding(String url, @Nullable String text) implements Serializable {
}
