package dev.podsite.episode;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A transcript of the episode ({@code podcast:transcript}).
 */
@Embeddable
public record Transcript(String url, @Nullable String type, @Nullable String language, @Nullable String rel) {

	/** A short name of the format for listeners, e.g. "WebVTT". */
	public String format() {
		if (this.type == null) {
			return "Transcript";
		}
		return switch (this.type.toLowerCase()) {
			case "text/vtt" -> "WebVTT";
			case "application/x-subrip", "application/srt" -> "SubRip";
			case "text/html" -> "HTML";
			case "application/json" -> "JSON";
			case "text/plain" -> "Text";
			default -> this.type;
		};
	}

}
