package dev.podsite.feedimport;

import java.util.List;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.show.ShowContent;
import dev.podsite.support.HostNotice;

/**
 * A feed mapped to our domain, ready to be stored, and what the mapping had to forgive.
 *
 * @param people the show's own credits (the channel's {@code podcast:person} tags)
 */
record ImportedFeed(ShowContent show, List<Person> people, List<ImportedEpisode> episodes, List<HostNotice> warnings) {

}
