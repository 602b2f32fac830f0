package dev.podsite.rome;

import java.io.Serializable;

/** {@code <podcast:person role="…" group="…" img="…" href="…">name</podcast:person>}. */
public record Person(String name, String role, String group, String img, String href) implements Serializable {
}
