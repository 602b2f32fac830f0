package dev.podsite.rome;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An item's {@code podcast:} tags: chapters, transcripts and persons.
 */
public interface PodcastItem extends Podcast {

	/** {@code podcast:chapters}, or null. */
	@Nullable Chapters getChapters();

	void setChapters(@Nullable Chapters chapters);

	List<Transcript> getTranscripts();

	void setTranscripts(@Nullable List<Transcript> transcripts);

	List<Person> getPersons();

	void setPersons(@Nullable List<Person> persons);

}
