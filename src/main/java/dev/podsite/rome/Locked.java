package dev.podsite.rome;

import java.io.Serializable;

/** {@code <podcast:locked owner="…">yes</podcast:locked>}: may the feed move hosts. */
public record Locked(boolean locked, String owner) implements Serializable {
}
