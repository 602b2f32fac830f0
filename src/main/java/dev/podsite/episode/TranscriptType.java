package dev.podsite.episode;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of transcript file the host chooses from, with the media type a
 * {@code podcast:transcript} declares for each and the extension that tells it.
 */
public enum TranscriptType {

	WEBVTT("text/vtt", "vtt"),

	SUBRIP("application/x-subrip", "srt"),

	JSON("application/json", "json"),

	HTML("text/html", "html"),

	TEXT("text/plain", "txt");

	private final String mediaType;

	private final String extension;

	TranscriptType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	public static Optional<TranscriptType> ofMediaType(@Nullable String mediaType) {
		return Arrays.stream(values()).filter((type) -> type.mediaType.equalsIgnoreCase(mediaType)).findFirst();
	}

	/** The type a file's name or address ends with, e.g. {@code .vtt}. */
	public static Optional<TranscriptType> ofName(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		String path;
		try {
			path = URI.create(name.strip().replace(" ", "%20")).getPath();
		}
		catch (IllegalArgumentException ex) {
			path = name;
		}
		if (path == null || path.lastIndexOf('.') < path.lastIndexOf('/')) {
			return Optional.empty();
		}
		String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((type) -> type.extension.equals(extension) || (type == HTML && extension.equals("htm")))
			.findFirst();
	}

}
