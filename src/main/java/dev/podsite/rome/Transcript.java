package dev.podsite.rome;

import java.io.Serializable;

/** {@code <podcast:transcript url="…" type="…" language="…" rel="…"/>}. */
public record Transcript(String url, String type, String language, String rel) implements Serializable {
}
