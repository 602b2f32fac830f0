package dev.podsite.episode;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A chapters or transcript file the host uploaded for an episode, which the site serves
 * at {@link #url()} and the episode points to.
 *
 * @param name its name in its address, e.g. {@code transcript.vtt}
 * @param mediaType the type the feed declares for it, e.g. {@code text/vtt}
 * @param uploadedName the name of the file the host uploaded, if the browser said
 * @param size its length in bytes
 * @param contentHash the SHA-256 of its bytes
 * @param url its absolute address, from {@code podsite.base-url}
 */
public record EpisodeFile(Kind kind, String name, String mediaType, @Nullable String uploadedName, long size,
		String contentHash, Instant uploadedAt, String url) {

	/** The Content-Type it is served with: UTF-8 text, JSON's type for both JSONs. */
	public static String servedType(String name) {
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String type = switch (extension) {
			case "vtt" -> TranscriptType.WEBVTT.mediaType();
			case "srt" -> TranscriptType.SUBRIP.mediaType();
			default -> "application/json";
		};
		return type + ";charset=UTF-8";
	}

	/** What a file holds for its episode: one file of each kind at most. */
	public enum Kind {

		CHAPTERS("chapters", HostField.CHAPTERS_FILE),

		TRANSCRIPT("transcript", HostField.TRANSCRIPTS);

		private final String value;

		private final HostField field;

		Kind(String value, HostField field) {
			this.value = value;
			this.field = field;
		}

		/** As stored, and the start of the file's name. */
		public String value() {
			return this.value;
		}

		/** The host's field that points to the file. */
		public HostField field() {
			return this.field;
		}

		static Kind of(String value) {
			return (value.equals(CHAPTERS.value)) ? CHAPTERS : TRANSCRIPT;
		}

	}

	/**
	 * A file the host uploads: UTF-8 text one of the site's readers accepted.
	 *
	 * @param transcriptType its format, for a transcript; null for chapters
	 * @param uploadedName the name of the host's file, if the browser said
	 */
	public record Upload(Kind kind, @Nullable TranscriptType transcriptType, @Nullable String uploadedName,
			byte[] body) {

		/** Its name in its address: {@code chapters.json}, {@code transcript.vtt}, … */
		public String name() {
			return (this.kind == Kind.CHAPTERS) ? "chapters.json"
					: "transcript." + ((this.transcriptType != null) ? this.transcriptType.extension() : "txt");
		}

		/** The type the feed declares for it. */
		public String mediaType() {
			return (this.kind == Kind.CHAPTERS) ? ChaptersFile.JSON_CHAPTERS
					: ((this.transcriptType != null) ? this.transcriptType : TranscriptType.TEXT).mediaType();
		}

	}

	/**
	 * A file's bytes, as served and as the import reads them.
	 *
	 * @param episodeId the episode it belongs to
	 */
	public record Body(long episodeId, Kind kind, String name, byte[] bytes, String contentHash, Instant uploadedAt) {

		public String servedType() {
			return EpisodeFile.servedType(this.name);
		}

	}

}
