package dev.podsite.rome;

import java.util.List;

/**
 * An item's {@code podcast:} tags: chapters, transcripts and persons.
 */
public interface PodcastItem extends Podcast {

	/** {@code podcast:chapters}, or null. */
	Chapters getChapters();

	void setChapters(Chapters chapters);

	List<Transcript> getTranscripts();

	void setTranscripts(List<Transcript> transcripts);

	List<Person> getPersons();

	void setPersons(List<Person> persons);

}
