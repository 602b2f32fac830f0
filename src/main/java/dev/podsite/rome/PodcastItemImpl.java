package dev.podsite.rome;

import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.ModuleImpl;
import org.jspecify.annotations.Nullable;

public class PodcastItemImpl extends ModuleImpl implements PodcastItem {

	private static final long serialVersionUID = 1L;

	private @Nullable Chapters chapters;

	private List<Transcript> transcripts = new ArrayList<>();

	private List<Person> persons = new ArrayList<>();

	public PodcastItemImpl() {
		super(PodcastItem.class, URI);
	}

	@Override
	public @Nullable Chapters getChapters() {
		return this.chapters;
	}

	@Override
	public void setChapters(@Nullable Chapters chapters) {
		this.chapters = chapters;
	}

	@Override
	public List<Transcript> getTranscripts() {
		return this.transcripts;
	}

	@Override
	public void setTranscripts(@Nullable List<Transcript> transcripts) {
		this.transcripts = (transcripts != null) ? new ArrayList<>(transcripts) : new ArrayList<>();
	}

	@Override
	public List<Person> getPersons() {
		return this.persons;
	}

	@Override
	public void setPersons(@Nullable List<Person> persons) {
		this.persons = (persons != null) ? new ArrayList<>(persons) : new ArrayList<>();
	}

	@Override
	public Class<? extends CopyFrom> getInterface() {
		return PodcastItem.class;
	}

	@Override
	public void copyFrom(CopyFrom source) {
		PodcastItem other = (PodcastItem) source;
		setChapters(other.getChapters());
		setTranscripts(other.getTranscripts());
		setPersons(other.getPersons());
	}

	// The values are immutable records: a copy of the lists is a deep copy.
	@Override
	public Object clone() {
		PodcastItemImpl copy = new PodcastItemImpl();
		copy.copyFrom(this);
		return copy;
	}

}
