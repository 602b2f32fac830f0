package dev.podsite.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.podsite.episode.ChaptersFile;
import dev.podsite.episode.Durations;
import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeEdit;
import dev.podsite.episode.EpisodeStatus;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.HostField;
import dev.podsite.episode.Transcript;
import dev.podsite.episode.TranscriptType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The episode form, for a new episode and an existing one; its fields are named as
 * {@link HostField} names them. It also carries the values it was opened with, so a save
 * changes only what the host changed: an import that updated other fields meanwhile keeps
 * its changes. Spring's binding parses it ({@link DurationFormatter} for the duration),
 * Bean Validation and {@link EpisodeFormValidator} check it.
 */
public class EpisodeForm {

	static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

	@NotBlank(message = "{admin.form.error.title.required}")
	@Size(max = 500, message = "{admin.form.error.title.size}")
	private @Nullable String title;

	@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{admin.form.error.slug.pattern}")
	@Size(max = 80, message = "{admin.form.error.slug.size}")
	private @Nullable String slug;

	@Size(max = 100_000, message = "{admin.form.error.notes.size}")
	private @Nullable String notes;

	@Pattern(regexp = "https://[^\\s<>\"]+", message = "{admin.form.error.audioUrl.pattern}")
	@Size(max = 2000, message = "{admin.form.error.address.size}")
	private @Nullable String audioUrl;

	@PositiveOrZero(message = "{admin.form.error.audioLength.min}")
	private @Nullable Long audioLength;

	@Pattern(regexp = "[a-z]+/[a-z0-9.+-]+", message = "{admin.form.error.audioType.pattern}")
	private @Nullable String audioType;

	private @Nullable Duration duration;

	@NotNull(message = "{admin.form.error.publishedAt.required}")
	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private @Nullable LocalDateTime publishedAt;

	@Min(value = 1, message = "{admin.form.error.season.min}")
	@Max(value = 100_000, message = "{admin.form.error.season.max}")
	private @Nullable Integer season;

	@Min(value = 0, message = "{admin.form.error.episodeNumber.min}")
	@Max(value = 1_000_000, message = "{admin.form.error.episodeNumber.max}")
	private @Nullable Integer episodeNumber;

	@NotNull(message = "{admin.form.error.episodeType.required}")
	private @Nullable EpisodeType episodeType = EpisodeType.FULL;

	private boolean explicit;

	@NotNull(message = "{admin.form.error.status.required}")
	private @Nullable EpisodeStatus status = EpisodeStatus.DRAFT;

	@Pattern(regexp = "https?://[^\\s<>\"]+", message = "{admin.form.error.chaptersFile.pattern}")
	@Size(max = 2000, message = "{admin.form.error.address.size}")
	private @Nullable String chaptersFile;

	/** The address of the one transcript the host edits: the feed's first one. */
	@Pattern(regexp = "https?://[^\\s<>\"]+", message = "{admin.form.error.transcripts.pattern}")
	@Size(max = 2000, message = "{admin.form.error.address.size}")
	private @Nullable String transcripts;

	/** The transcript's media type; empty: its address's extension tells. */
	@Pattern(regexp = "[a-z]+/[a-z0-9.+-]+", message = "{admin.form.error.transcriptType.pattern}")
	private @Nullable String transcriptType;

	/** One person a line: {@code Name | role | link} ({@link PeopleLines}). */
	@Size(max = 50_000, message = "{admin.form.error.people.size}")
	private @Nullable String people;

	private int version;

	private Map<String, @Nullable String> original = new HashMap<>();

	/** A form for a new episode, dated now. */
	static EpisodeForm blank(Instant now, ZoneId zone) {
		EpisodeForm form = new EpisodeForm();
		form.publishedAt = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
		return form;
	}

	static EpisodeForm of(Episode episode, ZoneId zone) {
		EpisodeForm form = new EpisodeForm();
		form.title = episode.getTitle();
		form.slug = episode.getSlug();
		form.notes = (episode.getNotesMarkdown() != null) ? episode.getNotesMarkdown() : episode.getNotesHtml();
		form.audioUrl = episode.getAudioUrl();
		form.audioLength = episode.getAudioLength();
		form.audioType = episode.getAudioType();
		form.duration = (episode.getDurationSeconds() != null) ? Duration.ofSeconds(episode.getDurationSeconds())
				: null;
		form.publishedAt = LocalDateTime.ofInstant(episode.getPublishedAt(), zone);
		form.season = episode.getSeason();
		form.episodeNumber = episode.getEpisodeNumber();
		form.episodeType = (episode.getEpisodeType() != null) ? episode.getEpisodeType() : EpisodeType.FULL;
		form.explicit = Boolean.TRUE.equals(episode.getExplicit());
		form.status = episode.getStatus();
		form.chaptersFile = episode.getChaptersUrl();
		if (!episode.getTranscripts().isEmpty()) {
			form.transcripts = episode.getTranscripts().get(0).url();
			form.transcriptType = episode.getTranscripts().get(0).type();
		}
		form.people = PeopleLines.format(episode.getPersons());
		form.version = episode.getVersion();
		form.original = form.values();
		return form;
	}

	/** The episode as the host wrote it; call it on a valid form. */
	EpisodeEdit toEdit(ZoneId zone) {
		return new EpisodeEdit(Objects.requireNonNull(this.title), this.notes, this.audioUrl, this.audioLength,
				this.audioType, (this.duration != null) ? Math.toIntExact(this.duration.toSeconds()) : null,
				Objects.requireNonNull(this.publishedAt).atZone(zone).toInstant(), this.season, this.episodeNumber,
				this.episodeType, this.explicit, this.slug, Objects.requireNonNull(this.status),
				(this.chaptersFile != null) ? new ChaptersFile(this.chaptersFile, ChaptersFile.JSON_CHAPTERS) : null,
				(this.transcripts != null) ? List.of(new Transcript(this.transcripts, this.transcriptType, null, null))
						: List.of(),
				PeopleLines.parse(this.people).people());
	}

	/** The host's fields the host changed since the form was opened. */
	Set<HostField> changedFields() {
		Map<String, @Nullable String> now = values();
		Set<HostField> changed = EnumSet.noneOf(HostField.class);
		for (HostField field : HostField.values()) {
			if (!Objects.equals(blankToNull(now.get(field.key())), blankToNull(this.original.get(field.key())))) {
				changed.add(field);
			}
		}
		return changed;
	}

	/**
	 * The host's fields as text, keyed by their names (the form's properties are named
	 * after them), so that two ways of typing the same value compare equal.
	 */
	private Map<String, @Nullable String> values() {
		BeanWrapper form = new BeanWrapperImpl(this);
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		for (HostField field : HostField.values()) {
			values.put(field.key(), text(form.getPropertyValue(field.key())));
		}
		// The transcript's format is part of it; the people compare as the lines they
		// make.
		if (this.transcripts != null && this.transcriptType != null) {
			values.put(HostField.TRANSCRIPTS.key(), this.transcripts + " " + this.transcriptType);
		}
		PeopleLines.Parsed people = PeopleLines.parse(this.people);
		if (people.problems().isEmpty()) {
			values.put(HostField.PEOPLE.key(), PeopleLines.format(people.people()));
		}
		return values;
	}

	/**
	 * The transcript formats to choose from, by media type: the known ones (named by
	 * admin.transcriptType.*), and the transcript's own when the site does not know it,
	 * so that it stays as it was.
	 */
	public Map<String, String> getTranscriptTypes() {
		Map<String, String> types = new LinkedHashMap<>();
		for (TranscriptType type : TranscriptType.values()) {
			types.put(type.mediaType(), type.mediaType());
		}
		if (this.transcriptType != null && !types.containsKey(this.transcriptType)) {
			types.put(this.transcriptType, this.transcriptType);
		}
		return types;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof Duration duration) {
			return Durations.format(Math.toIntExact(duration.toSeconds()));
		}
		if (value instanceof EpisodeType type) {
			return type.value();
		}
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getSlug() {
		return this.slug;
	}

	public void setSlug(@Nullable String slug) {
		this.slug = blankToNull(slug);
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public @Nullable String getAudioUrl() {
		return this.audioUrl;
	}

	public void setAudioUrl(@Nullable String audioUrl) {
		this.audioUrl = blankToNull(audioUrl);
	}

	public @Nullable Long getAudioLength() {
		return this.audioLength;
	}

	public void setAudioLength(@Nullable Long audioLength) {
		this.audioLength = audioLength;
	}

	public @Nullable String getAudioType() {
		return this.audioType;
	}

	public void setAudioType(@Nullable String audioType) {
		this.audioType = blankToNull(audioType);
	}

	public @Nullable Duration getDuration() {
		return this.duration;
	}

	public void setDuration(@Nullable Duration duration) {
		this.duration = duration;
	}

	public @Nullable LocalDateTime getPublishedAt() {
		return this.publishedAt;
	}

	public void setPublishedAt(@Nullable LocalDateTime publishedAt) {
		this.publishedAt = publishedAt;
	}

	public @Nullable Integer getSeason() {
		return this.season;
	}

	public void setSeason(@Nullable Integer season) {
		this.season = season;
	}

	public @Nullable Integer getEpisodeNumber() {
		return this.episodeNumber;
	}

	public void setEpisodeNumber(@Nullable Integer episodeNumber) {
		this.episodeNumber = episodeNumber;
	}

	public @Nullable EpisodeType getEpisodeType() {
		return this.episodeType;
	}

	public void setEpisodeType(@Nullable EpisodeType episodeType) {
		this.episodeType = episodeType;
	}

	public boolean isExplicit() {
		return this.explicit;
	}

	public void setExplicit(boolean explicit) {
		this.explicit = explicit;
	}

	public @Nullable EpisodeStatus getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable EpisodeStatus status) {
		this.status = status;
	}

	public @Nullable String getChaptersFile() {
		return this.chaptersFile;
	}

	public void setChaptersFile(@Nullable String chaptersFile) {
		this.chaptersFile = blankToNull(chaptersFile);
	}

	public @Nullable String getTranscripts() {
		return this.transcripts;
	}

	public void setTranscripts(@Nullable String transcripts) {
		this.transcripts = blankToNull(transcripts);
	}

	public @Nullable String getTranscriptType() {
		return this.transcriptType;
	}

	public void setTranscriptType(@Nullable String transcriptType) {
		this.transcriptType = blankToNull(transcriptType);
	}

	public @Nullable String getPeople() {
		return this.people;
	}

	public void setPeople(@Nullable String people) {
		this.people = people;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public Map<String, @Nullable String> getOriginal() {
		return this.original;
	}

	public void setOriginal(Map<String, @Nullable String> original) {
		this.original = original;
	}

}
