package dev.podsite.episode;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The media type of an episode's file, told by its URL's extension, for enclosures that
 * do not say (podcast apps need it to play the file).
 */
public final class MediaTypes {

	/** What a file of unknown kind is served as. */
	public static final String UNKNOWN = "application/octet-stream";

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("mp3", "audio/mpeg"),
			Map.entry("m4a", "audio/x-m4a"), Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"),
			Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/opus"), Map.entry("flac", "audio/flac"),
			Map.entry("wav", "audio/wav"), Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/x-m4v"),
			Map.entry("mov", "video/quicktime"), Map.entry("webm", "video/webm"), Map.entry("pdf", "application/pdf"),
			Map.entry("epub", "application/epub+zip"));

	private MediaTypes() {
	}

	/** The type the URL's extension names, or {@link #UNKNOWN}. */
	public static String fromUrl(String url) {
		String path;
		try {
			path = URI.create(url.strip().replace(" ", "%20")).getPath();
		}
		catch (IllegalArgumentException ex) {
			path = url;
		}
		if (path == null) {
			return UNKNOWN;
		}
		int dot = path.lastIndexOf('.');
		if (dot < 0 || dot < path.lastIndexOf('/')) {
			return UNKNOWN;
		}
		return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
	}

}
