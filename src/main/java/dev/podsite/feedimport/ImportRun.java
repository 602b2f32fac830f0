package dev.podsite.feedimport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import dev.podsite.episode.FeedEpisodes;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;

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

	/** The English warnings of a run recorded before notices had keys. */
	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> warnings = new ArrayList<>();

	/** The English reason of a run recorded before notices had keys. */
	private @Nullable String errorMessage;

	/** The English note of a run recorded before notices had keys. */
	private @Nullable String note;

	@Convert(converter = NoticeColumns.NoticeList.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable List<HostNotice> warningNotices;

	@Convert(converter = NoticeColumns.Notice.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable HostNotice errorNotice;

	@Convert(converter = NoticeColumns.Notice.class)
	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private @Nullable HostNotice noteNotice;

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

	void succeeded(FeedEpisodes.Stored counts, List<HostNotice> warnings, Instant now) {
		this.newCount = counts.created();
		this.updatedCount = counts.updated();
		this.unchangedCount = counts.unchanged();
		this.hiddenCount = counts.hidden();
		this.warningNotices = capped(warnings);
		finish(ImportStatus.SUCCEEDED, now);
	}

	/**
	 * Adds what fetching the chapter and transcript files warned of, after the episodes
	 * were written; the run ends now.
	 */
	void filesChecked(List<HostNotice> fileWarnings, Instant now) {
		List<HostNotice> all = new ArrayList<>(getWarningNotices());
		all.addAll(fileWarnings);
		this.warningNotices = all;
		this.finishedAt = now;
	}

	/** Adds warnings to a run that ended without failing: a move of the feed. */
	void warned(List<HostNotice> more) {
		if (more.isEmpty()) {
			return;
		}
		List<HostNotice> all = new ArrayList<>(getWarningNotices());
		all.addAll(more);
		this.warningNotices = capped(all);
	}

	void failed(HostNotice reason, Instant now) {
		failed(reason, null, now);
	}

	/**
	 * @param httpStatus the status the feed's server answered instead of the feed, or
	 * null
	 */
	void failed(HostNotice reason, @Nullable Integer httpStatus, Instant now) {
		this.errorNotice = reason;
		this.httpStatus = httpStatus;
		finish(ImportStatus.FAILED, now);
	}

	void unchanged(HostNotice reason, Instant now) {
		this.noteNotice = reason;
		finish(ImportStatus.UNCHANGED, now);
	}

	void skipped(HostNotice reason, Instant now) {
		this.noteNotice = reason;
		finish(ImportStatus.SKIPPED, now);
	}

	private void finish(ImportStatus status, Instant now) {
		this.status = status;
		this.finishedAt = now;
	}

	private static List<HostNotice> capped(List<HostNotice> warnings) {
		if (warnings.size() <= MAX_WARNINGS) {
			return new ArrayList<>(warnings);
		}
		List<HostNotice> capped = new ArrayList<>(warnings.subList(0, MAX_WARNINGS));
		int more = warnings.size() - MAX_WARNINGS;
		capped.add(HostNotice.of("import.moreWarnings", more, Counts.form(more)));
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

	/** The warnings, said in the reader's language (old runs: in their English). */
	public List<HostNotice> getWarningNotices() {
		return (this.warningNotices != null) ? this.warningNotices
				: this.warnings.stream().map(HostNotice::verbatim).toList();
	}

	/** Why the run failed, in the reader's language; null when it did not. */
	public @Nullable HostNotice getErrorNotice() {
		return (this.errorNotice != null) ? this.errorNotice
				: (this.errorMessage != null) ? HostNotice.verbatim(this.errorMessage) : null;
	}

	/**
	 * Why a run that did not fail changed nothing, in the reader's language; null
	 * otherwise.
	 */
	public @Nullable HostNotice getNoteNotice() {
		return (this.noteNotice != null) ? this.noteNotice
				: (this.note != null) ? HostNotice.verbatim(this.note) : null;
	}

	/** The warnings in English, for the log. */
	public List<String> getWarnings() {
		return getWarningNotices().stream().map(HostNotice::english).toList();
	}

	/** Why the run failed, in English for the log; null when it did not. */
	public @Nullable String getErrorMessage() {
		HostNotice notice = getErrorNotice();
		return (notice != null) ? notice.english() : null;
	}

	/** Why a run that did not fail changed nothing, in English; null otherwise. */
	public @Nullable String getNote() {
		HostNotice notice = getNoteNotice();
		return (notice != null) ? notice.english() : null;
	}

	/**
	 * The HTTP status the feed's server answered when that made the run fail (410, 404,
	 * 500...); null otherwise.
	 */
	public @Nullable Integer getHttpStatus() {
		return this.httpStatus;
	}

}
