package dev.podsite.feedimport;

import java.util.List;
import java.util.Optional;

import dev.podsite.feedpublish.FeedFinding;
import dev.podsite.support.HostNotice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the imports went, for the host's dashboard and the empty site's page.
 */
@Service
@Transactional(readOnly = true)
public class ImportHistory {

	private final ImportRunRepository runs;

	private final FeedState state;

	ImportHistory(ImportRunRepository runs, FeedState state) {
		this.runs = runs;
		this.state = state;
	}

	/**
	 * What Apple Podcasts, Spotify and the Podcast Index would flag in the source feed,
	 * as it was at the last import that read it; empty before any.
	 */
	public Optional<List<FeedFinding>> sourceFindings() {
		return this.state.sourceFindings();
	}

	/** The latest run of any kind, if one ran. */
	public Optional<ImportRun> latest() {
		return this.runs.findFirstByOrderByStartedAtDesc();
	}

	/** The twenty latest runs, newest first. */
	public List<ImportRun> recent() {
		return this.runs.findTop20ByOrderByStartedAtDesc();
	}

	/**
	 * What the dashboard shouts about the feed's source (gone, or not found again and
	 * again), or empty.
	 */
	public Optional<HostNotice> alert() {
		return FeedAlert.of(this.runs);
	}

}
