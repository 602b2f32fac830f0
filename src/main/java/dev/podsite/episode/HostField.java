package dev.podsite.episode;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Every field the host can change on an episode, described once: its name (in the form,
 * in an episode's {@code overrides} and in the feed's values kept for "revert"; its label
 * is admin.field.* in the message bundles), and the columns it is stored in. On an
 * imported episode, a field the host changed is the host's: imports leave it alone
 * ({@link Overrides}).
 * <p>
 * Adding one is an entry here, a component of {@link EpisodeContent} of the same name,
 * the input in the form, and a migration for its column (and for the feed's values kept
 * before it, as V10 did). A field kept in rows of its own (the notes' links, transcripts,
 * people) is written with the field by {@link EpisodeWriter}.
 */
public enum HostField {

	TITLE("title", (content, columns) -> columns.put("title", content.title())),

	/** The notes, with the links listed from them. */
	NOTES("notes", (content, columns) -> {
		columns.put("notes_html", content.notes().html());
		columns.put("summary", content.notes().summary());
		columns.put("notes_markdown", content.notes().markdown());
	}),

	AUDIO_URL("audioUrl", (content, columns) -> columns.put("audio_url", content.audioUrl())),

	AUDIO_LENGTH("audioLength", (content, columns) -> columns.put("audio_length", content.audioLength())),

	AUDIO_TYPE("audioType", (content, columns) -> columns.put("audio_type", content.audioType())),

	DURATION("duration", (content, columns) -> columns.put("duration_seconds", content.duration())),

	PUBLISHED_AT("publishedAt",
			(content, columns) -> columns.put("published_at",
					(content.publishedAt() != null) ? Timestamp.from(content.publishedAt()) : null)),

	SEASON("season", (content, columns) -> columns.put("season", content.season())),

	EPISODE_NUMBER("episodeNumber", (content, columns) -> columns.put("episode_number", content.episodeNumber())),

	EPISODE_TYPE("episodeType",
			(content, columns) -> columns.put("episode_type",
					(content.episodeType() != null) ? content.episodeType().value() : null)),

	EXPLICIT("explicit", (content, columns) -> columns.put("explicit", content.explicit())),

	CHAPTERS_FILE("chaptersFile", (content, columns) -> {
		ChaptersFile file = content.chaptersFile();
		columns.put("chapters_url", (file != null) ? file.url() : null);
		columns.put("chapters_type", (file != null) ? file.type() : null);
	}),

	/**
	 * The transcript files: rows of their own, written with the field (EpisodeWriter).
	 */
	TRANSCRIPTS("transcripts", (content, columns) -> {
	}),

	/**
	 * Who the episode credits: rows of their own, written with the field (EpisodeWriter).
	 */
	PEOPLE("people", (content, columns) -> {
	});

	private final String key;

	private final BiConsumer<EpisodeContent, Map<String, @Nullable Object>> columns;

	HostField(String key, BiConsumer<EpisodeContent, Map<String, @Nullable Object>> columns) {
		this.key = key;
		this.columns = columns;
	}

	/** The field's name in forms, overrides and the feed's values. */
	public String key() {
		return this.key;
	}

	public static Optional<HostField> byKey(String key) {
		return Arrays.stream(values()).filter((field) -> field.key.equals(key)).findFirst();
	}

	/** Puts the field's columns, with their values from {@code content}. */
	void putColumns(EpisodeContent content, Map<String, @Nullable Object> columns) {
		this.columns.accept(content, columns);
	}

}
