package dev.podsite.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Someone who takes part in the episode ({@code podcast:person}): host, guest, ...
 */
@Embeddable
public record Person(String name, String role, @Column(name = "person_group") String group,
		@Column(name = "image_url") String imageUrl, String href) {

}
