package dev.podsite.episode;

import dev.podsite.support.SiteContentChanged;

/**
 * Published when episodes changed (an import, a host's edit), inside the changing
 * transaction.
 */
public record EpisodesChanged() implements SiteContentChanged {

}
