package dev.podsite.rome;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The channel's {@code podcast:} tags: guid, locked, funding and person.
 */
public interface PodcastChannel extends Podcast {

	@Nullable String getGuid();

	void setGuid(@Nullable String guid);

	/** {@code podcast:locked}, or null when the feed does not say. */
	@Nullable Locked getLocked();

	void setLocked(@Nullable Locked locked);

	List<Funding> getFundings();

	void setFundings(@Nullable List<Funding> fundings);

	List<Person> getPersons();

	void setPersons(@Nullable List<Person> persons);

}
