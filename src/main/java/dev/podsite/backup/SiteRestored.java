package dev.podsite.backup;

import dev.podsite.support.SiteContentChanged;

/** The site's data was replaced by an archive's: every copy of it is out of date. */
record SiteRestored() implements SiteContentChanged {
}
