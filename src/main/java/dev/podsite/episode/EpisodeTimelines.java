package dev.podsite.episode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import's way to the chapters and transcripts that episodes' items point to in
 * files: which files those are, and the writes of what a file held, each in the caller's
 * transaction. The chapters inside the items are written with the items
 * ({@link FeedEpisodes}).
 */
@Service
public class EpisodeTimelines {

	private final TimelineReader reader;

	private final TimelineWriter writer;

	private final EpisodeFileStore files;

	private final ApplicationEventPublisher events;

	EpisodeTimelines(TimelineReader reader, TimelineWriter writer, EpisodeFileStore files,
			ApplicationEventPublisher events) {
		this.reader = reader;
		this.writer = writer;
		this.files = files;
		this.events = events;
	}

	/** The files of every imported episode listeners can see now or later. */
	@Transactional(readOnly = true)
	public List<TimelineFiles> fileSources() {
		return this.reader.fileSources();
	}

	/** The files of one shown episode, when it points to any or was read from any. */
	@Transactional(readOnly = true)
	public Optional<TimelineFiles> fileSources(long episodeId) {
		return this.reader.fileSources(episodeId);
	}

	/**
	 * The file the host uploaded at that address of the site's own; empty for any other
	 * address. The import reads it from here rather than over HTTP.
	 */
	@Transactional(readOnly = true)
	public Optional<EpisodeFile.Body> uploaded(String url) {
		return this.files.at(url);
	}

	/** Whether the address is one of the site's own files, which the host uploads. */
	public boolean isUploaded(String url) {
		return this.files.isOwn(url);
	}

	/** Stores the chapters read from {@code file}, in place of any file's before. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void storeChapters(Collection<Long> episodeIds, TimelineFiles.Stored file, List<Chapter> chapters,
			Instant now) {
		this.writer.replaceFileChapters(episodeIds, file, chapters, now);
		this.events.publishEvent(new EpisodesChanged());
	}

	/** Stores the transcript read from {@code file}, in place of the one before. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void storeTranscript(Collection<Long> episodeIds, TimelineFiles.Stored file, List<TranscriptCue> cues,
			Instant now) {
		this.writer.replaceCues(episodeIds, file, cues, now);
		this.events.publishEvent(new EpisodesChanged());
	}

	/**
	 * Removes what was read from files for episodes whose items point to no such file any
	 * more; chapters inside the items stay.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void removeFiles(Collection<Long> withoutChapterFiles, Collection<Long> withoutTranscripts) {
		if (withoutChapterFiles.isEmpty() && withoutTranscripts.isEmpty()) {
			return;
		}
		this.writer.removeFileChapters(withoutChapterFiles);
		this.writer.removeCues(withoutTranscripts);
		this.events.publishEvent(new EpisodesChanged());
	}

}
