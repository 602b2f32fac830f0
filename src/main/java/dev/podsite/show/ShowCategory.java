package dev.podsite.show;

import jakarta.persistence.Embeddable;

/**
 * A category of the show; a sub-category names its parent.
 */
@Embeddable
public record ShowCategory(String name, String parent) {

}
