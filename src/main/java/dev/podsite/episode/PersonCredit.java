package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * A person an episode credits, as its page lists them.
 *
 * @param role what the episode credits them as: "host" when the feed does not say, as
 * {@code podcast:person} has it
 */
public record PersonCredit(String slug, String name, String role, @Nullable String group) {

}
