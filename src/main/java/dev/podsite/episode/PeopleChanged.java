package dev.podsite.episode;

import dev.podsite.support.SiteContentChanged;

/**
 * Published when people changed (the show's credits, a host's rename or merge), inside
 * the changing transaction.
 */
public record PeopleChanged() implements SiteContentChanged {

}
