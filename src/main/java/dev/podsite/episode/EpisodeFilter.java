package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * Which episodes a list shows: of one season, of one type, or all.
 */
public record EpisodeFilter(@Nullable Integer season, @Nullable EpisodeType type) {

	public static final EpisodeFilter ALL = new EpisodeFilter(null, null);

	/** The address of page {@code page} (from 1) of the list, spelled one way. */
	public String href(int page) {
		StringBuilder href = new StringBuilder("/episodes");
		if (this.season != null) {
			href.append("?season=").append(this.season);
		}
		if (this.type != null) {
			href.append((href.indexOf("?") < 0) ? "?" : "&").append("type=").append(this.type.value());
		}
		if (page > 1) {
			href.append((href.indexOf("?") < 0) ? "?" : "&").append("page=").append(page);
		}
		return href.toString();
	}

	public boolean isAll() {
		return this.season == null && this.type == null;
	}

}
