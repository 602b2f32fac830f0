package dev.podsite.show;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A category of the show; a sub-category names its parent.
 */
@Embeddable
public record ShowCategory(String name, @Nullable String parent) {

}
