package dev.podsite.episode;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The chapter and transcript files an imported episode's item points to, and the files
 * its stored chapters and transcript were read from.
 *
 * @param title the episode's title, for the import's warnings
 * @param chaptersUrl its {@code podcast:chapters} file
 * @param transcripts its {@code podcast:transcript} files, in the feed's order
 * @param storedChapters the file its stored file chapters came from, if any
 * @param storedTranscript the file its stored transcript cues came from, if any
 */
public record TimelineFiles(long episodeId, String title, @Nullable String chaptersUrl, @Nullable String chaptersType,
		List<Transcript> transcripts, @Nullable Stored storedChapters, @Nullable Stored storedTranscript) {

	/** A file as it was read: its address and the hash of its body. */
	public record Stored(String url, String contentHash) {
	}

}
