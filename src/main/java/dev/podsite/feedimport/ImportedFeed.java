package dev.podsite.feedimport;

import java.util.List;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.show.ShowContent;

/**
 * A feed mapped to our domain, ready to be stored, and what the mapping had to forgive.
 */
record ImportedFeed(ShowContent show, List<ImportedEpisode> episodes, List<String> warnings) {

}
