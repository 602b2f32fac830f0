package dev.podsite.rome;

import java.util.List;

/**
 * The channel's {@code podcast:} tags: guid, locked, funding and person.
 */
public interface PodcastChannel extends Podcast {

	String getGuid();

	void setGuid(String guid);

	/** {@code podcast:locked}, or null when the feed does not say. */
	Locked getLocked();

	void setLocked(Locked locked);

	List<Funding> getFundings();

	void setFundings(List<Funding> fundings);

	List<Person> getPersons();

	void setPersons(List<Person> persons);

}
