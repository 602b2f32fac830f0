package dev.podsite.episode;

import jakarta.persistence.Embeddable;

/**
 * A link of the show notes, listed on the episode page.
 */
@Embeddable
public record EpisodeLink(String text, String url) {

}
