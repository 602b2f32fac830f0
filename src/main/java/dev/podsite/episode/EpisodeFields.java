package dev.podsite.episode;

import java.util.List;

/**
 * The names of the fields a host can change on an imported episode. An overridden field
 * is listed in the episode's {@code overrides}, and imports leave it alone; the same
 * names key the feed's own values in {@code feed_values}, for "revert to feed".
 */
public final class EpisodeFields {

	public static final String TITLE = "title";

	public static final String NOTES = "notes";

	public static final String AUDIO_URL = "audioUrl";

	public static final String AUDIO_LENGTH = "audioLength";

	public static final String AUDIO_TYPE = "audioType";

	public static final String DURATION = "duration";

	public static final String PUBLISHED_AT = "publishedAt";

	public static final String SEASON = "season";

	public static final String EPISODE_NUMBER = "episodeNumber";

	public static final String EPISODE_TYPE = "episodeType";

	public static final String EXPLICIT = "explicit";

	/** Kept on the site by the host after it left the feed. */
	public static final String VISIBILITY = "visibility";

	/** The fields that come from the feed and can be reverted to it, in form order. */
	public static final List<String> FROM_FEED = List.of(TITLE, NOTES, AUDIO_URL, AUDIO_LENGTH, AUDIO_TYPE, DURATION,
			PUBLISHED_AT, SEASON, EPISODE_NUMBER, EPISODE_TYPE, EXPLICIT);

	private EpisodeFields() {
	}

}
