package dev.podsite.show;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Where listeners can support the show ({@code podcast:funding}).
 */
@Embeddable
public record Funding(String url, @Column(name = "label") @Nullable String label) {

}
