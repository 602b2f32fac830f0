package dev.podsite.show;

import dev.podsite.support.SiteContentChanged;

/**
 * Published when an import changed the show's own fields (title, artwork, categories),
 * inside the changing transaction.
 */
public record ShowChanged() implements SiteContentChanged {

}
