package dev.podsite.rome;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** {@code <podcast:locked owner="…">yes</podcast:locked>}: may the feed move hosts. */
public record Locked(boolean locked, @Nullable String owner) implements Serializable {
}
