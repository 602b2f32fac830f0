package dev.podsite.rome;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/** {@code <podcast:person role="…" group="…" img="…" href="…">name</podcast:person>}. */
public record Person(String name, @Nullable String role, @Nullable String group, @Nullable String img,
		@Nullable String href) implements Serializable {
}
