package dev.podsite.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * Someone who takes part in the episode ({@code podcast:person}): host, guest, ...
 */
@Embeddable
public record Person(String name, @Nullable String role, @Column(name = "person_group") @Nullable String group,
		@Column(name = "image_url") @Nullable String imageUrl, @Nullable String href) {

}
