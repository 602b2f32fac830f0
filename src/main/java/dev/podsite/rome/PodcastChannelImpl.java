package dev.podsite.rome;

import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.ModuleImpl;
import org.jspecify.annotations.Nullable;

public class PodcastChannelImpl extends ModuleImpl implements PodcastChannel {

	private static final long serialVersionUID = 1L;

	private @Nullable String guid;

	private @Nullable Locked locked;

	private List<Funding> fundings = new ArrayList<>();

	private List<Person> persons = new ArrayList<>();

	public PodcastChannelImpl() {
		super(PodcastChannel.class, URI);
	}

	@Override
	public @Nullable String getGuid() {
		return this.guid;
	}

	@Override
	public void setGuid(@Nullable String guid) {
		this.guid = guid;
	}

	@Override
	public @Nullable Locked getLocked() {
		return this.locked;
	}

	@Override
	public void setLocked(@Nullable Locked locked) {
		this.locked = locked;
	}

	@Override
	public List<Funding> getFundings() {
		return this.fundings;
	}

	@Override
	public void setFundings(@Nullable List<Funding> fundings) {
		this.fundings = (fundings != null) ? new ArrayList<>(fundings) : new ArrayList<>();
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
		return PodcastChannel.class;
	}

	@Override
	public void copyFrom(CopyFrom source) {
		PodcastChannel other = (PodcastChannel) source;
		setGuid(other.getGuid());
		setLocked(other.getLocked());
		setFundings(other.getFundings());
		setPersons(other.getPersons());
	}

	// The values are immutable records: a copy of the lists is a deep copy.
	@Override
	public Object clone() {
		PodcastChannelImpl copy = new PodcastChannelImpl();
		copy.copyFrom(this);
		return copy;
	}

}
