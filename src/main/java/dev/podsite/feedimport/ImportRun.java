package dev.podsite.feedimport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import dev.podsite.episode.FeedEpisodes;

/**
 * The record of one import: when, how it ended, what it changed and what it warned of.
 */
@Entity
@Table(name = "import_run")
public class ImportRun {

	private static final int MAX_WARNINGS = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String feedUrl;

	private Instant startedAt;

	private @Nullable Instant finishedAt;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	private boolean demo;

	private int newCount;

	private int updatedCount;

	private int unchangedCount;

	private int hiddenCount;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> warnings = new ArrayList<>();

	private @Nullable String errorMessage;

	private @Nullable String note;

	private @Nullable Integer httpStatus;

	protected ImportRun() {
	}

	static ImportRun start(String feedUrl, boolean demo, Instant now) {
		ImportRun run = new ImportRun();
		run.feedUrl = feedUrl;
		run.demo = demo;
		run.startedAt = now;
		run.status = ImportStatus.RUNNING;
		return run;
	}

	void succeeded(FeedEpisodes.Stored counts, List<String> warnings, Instant now) {
		this.newCount = counts.created();
		this.updatedCount = counts.updated();
		this.unchangedCount = counts.unchanged();
		this.hiddenCount = counts.hidden();
		this.warnings = capped(warnings);
		finish(ImportStatus.SUCCEEDED, now);
	}

	/**
	 * Adds what fetching the chapter and transcript files warned of, after the episodes
	 * were written; the run ends now.
	 */
	void filesChecked(List<String> fileWarnings, Instant now) {
		List<String> all = new ArrayList<>(this.warnings);
		all.addAll(fileWarnings);
		this.warnings = all;
		this.finishedAt = now;
	}

	void failed(String reason, Instant now) {
		failed(reason, null, now);
	}

	/**
	 * @param httpStatus the status the feed's server answered instead of the feed, or
	 * null
	 */
	void failed(String reason, @Nullable Integer httpStatus, Instant now) {
		this.errorMessage = reason;
		this.httpStatus = httpStatus;
		finish(ImportStatus.FAILED, now);
	}

	void unchanged(String reason, Instant now) {
		this.note = reason;
		finish(ImportStatus.UNCHANGED, now);
	}

	void skipped(String reason, Instant now) {
		this.note = reason;
		finish(ImportStatus.SKIPPED, now);
	}

	private void finish(ImportStatus status, Instant now) {
		this.status = status;
		this.finishedAt = now;
	}

	private static List<String> capped(List<String> warnings) {
		if (warnings.size() <= MAX_WARNINGS) {
			return new ArrayList<>(warnings);
		}
		List<String> capped = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
		capped.add("... and " + (warnings.size() - MAX_WARNINGS) + " more warnings");
		return capped;
	}

	public Long getId() {
		return this.id;
	}

	public String getFeedUrl() {
		return this.feedUrl;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

	public @Nullable Duration getDuration() {
		return (this.finishedAt != null) ? Duration.between(this.startedAt, this.finishedAt) : null;
	}

	public ImportStatus getStatus() {
		return this.status;
	}

	public boolean isDemo() {
		return this.demo;
	}

	public int getNewCount() {
		return this.newCount;
	}

	public int getUpdatedCount() {
		return this.updatedCount;
	}

	public int getUnchangedCount() {
		return this.unchangedCount;
	}

	public int getHiddenCount() {
		return this.hiddenCount;
	}

	public List<String> getWarnings() {
		return this.warnings;
	}

	public @Nullable String getErrorMessage() {
		return this.errorMessage;
	}

	/** Why a run that did not fail changed nothing; null otherwise. */
	public @Nullable String getNote() {
		return this.note;
	}

	/**
	 * The HTTP status the feed's server answered when that made the run fail (410, 404,
	 * 500...); null otherwise.
	 */
	public @Nullable Integer getHttpStatus() {
		return this.httpStatus;
	}

}
