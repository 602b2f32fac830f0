package dev.podsite.rome;

import java.io.Serializable;

/** {@code <podcast:funding url="…">text</podcast:funding>}. */
public record Funding(String url, String text) implements Serializable {
}
