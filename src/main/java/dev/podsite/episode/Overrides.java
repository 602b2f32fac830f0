package dev.podsite.episode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that lets the host and the feed share an imported episode: a field the host
 * changed is the host's, and imports write only the others, until the host gives it back
 * to the feed. An episode the host kept on the site stays there when it leaves the feed.
 * Episodes the host wrote have no overrides: no import writes them.
 *
 * @param keys the host's fields ({@link HostField#key()}) and {@link #KEPT_ON_SITE}, as
 * stored in the episode's {@code overrides}
 */
record Overrides(List<String> keys) {

	/** Kept on the site by the host after it left the feed. */
	static final String KEPT_ON_SITE = "visibility";

	static final Overrides NONE = new Overrides(List.of());

	Overrides {
		keys = List.copyOf(keys);
	}

	/** After the host changed {@code fields}: an imported episode's become the host's. */
	Overrides changedByHost(Collection<HostField> fields, EpisodeOrigin origin) {
		if (origin != EpisodeOrigin.FEED) {
			return this;
		}
		List<String> marked = new ArrayList<>(this.keys);
		fields.stream().map(HostField::key).filter((key) -> !marked.contains(key)).forEach(marked::add);
		return new Overrides(marked);
	}

	/** What an import may write: the fields the host did not change. */
	Set<HostField> writableByImport() {
		Set<HostField> writable = EnumSet.allOf(HostField.class);
		writable.removeIf((field) -> this.keys.contains(field.key()));
		return writable;
	}

	/** After "revert to the feed's": the field is the feed's again. */
	Overrides revertedToFeed(HostField field) {
		List<String> rest = new ArrayList<>(this.keys);
		rest.remove(field.key());
		return new Overrides(rest);
	}

	boolean isHosts(HostField field) {
		return this.keys.contains(field.key());
	}

	Overrides keptOnSite() {
		return this.keys.contains(KEPT_ON_SITE) ? this : new Overrides(append(KEPT_ON_SITE));
	}

	boolean isKeptOnSite() {
		return this.keys.contains(KEPT_ON_SITE);
	}

	String[] toArray() {
		return this.keys.toArray(String[]::new);
	}

	private List<String> append(String key) {
		List<String> keys = new ArrayList<>(this.keys);
		keys.add(key);
		return keys;
	}

}
