package dev.podsite.rome;

import java.io.Serializable;

/** {@code <podcast:chapters url="…" type="…"/>}. */
public record Chapters(String url, String type) implements Serializable {
}
