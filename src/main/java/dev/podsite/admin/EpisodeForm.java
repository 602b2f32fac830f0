package dev.podsite.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.podsite.episode.Durations;
import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeFields;
import dev.podsite.episode.EpisodeStatus;

/**
 * The episode form, for a new episode and an existing one. It also carries the values it
 * was opened with, so a save changes only what the host changed: an import that updated
 * other fields meanwhile keeps its changes.
 */
public class EpisodeForm {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@NotBlank(message = "Give the episode a title.")
	@Size(max = 500, message = "Keep the title under 500 characters.")
	private String title;

	@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
			message = "Use lowercase letters, digits and single dashes, e.g. episode-12-rust-at-scale.")
	@Size(max = 80, message = "Keep the slug under 80 characters.")
	private String slug;

	@Size(max = 100_000, message = "Keep the notes under 100,000 characters.")
	private String notes;

	@Pattern(regexp = "https://[^\\s<>\"]+", message = "Give the audio file’s full https:// address.")
	@Size(max = 2000, message = "Keep the address under 2,000 characters.")
	private String audioUrl;

	@PositiveOrZero(message = "The size is a number of bytes, 0 or more.")
	private Long audioLength;

	@Pattern(regexp = "[a-z]+/[a-z0-9.+-]+", message = "Give a media type like audio/mpeg, or leave it empty.")
	private String audioType;

	@Pattern(regexp = "(\\d+:)?\\d{1,2}:\\d{2}", message = "Write the duration as H:MM:SS or MM:SS, e.g. 1:02:05.")
	private String duration;

	@NotBlank(message = "Give the date and time of publication.")
	private String publishedAt;

	@Min(value = 1, message = "Seasons count from 1.")
	@Max(value = 100_000, message = "That is a lot of seasons.")
	private Integer season;

	@Min(value = 0, message = "Episode numbers count from 0 (or leave it empty).")
	@Max(value = 1_000_000, message = "That is a lot of episodes.")
	private Integer episodeNumber;

	@Pattern(regexp = "full|trailer|bonus", message = "Choose full, trailer or bonus.")
	private String episodeType = "full";

	private boolean explicit;

	@NotNull(message = "Choose draft or published.")
	private EpisodeStatus status = EpisodeStatus.DRAFT;

	private int version;

	private Map<String, String> original = new HashMap<>();

	/** A form for a new episode, dated now. */
	static EpisodeForm blank(Instant now, ZoneId zone) {
		EpisodeForm form = new EpisodeForm();
		form.publishedAt = DATE_TIME.format(now.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
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
		form.duration = Durations.format(episode.getDurationSeconds());
		form.publishedAt = DATE_TIME.format(episode.getPublishedAt().atZone(zone));
		form.season = episode.getSeason();
		form.episodeNumber = episode.getEpisodeNumber();
		form.episodeType = (episode.getEpisodeType() != null) ? episode.getEpisodeType() : "full";
		form.explicit = Boolean.TRUE.equals(episode.getExplicit());
		form.status = episode.getStatus();
		form.version = episode.getVersion();
		form.original = form.values();
		return form;
	}

	/** The form's fields as the page writes them, keyed by field name. */
	Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put(EpisodeFields.TITLE, this.title);
		values.put("slug", this.slug);
		values.put(EpisodeFields.NOTES, this.notes);
		values.put(EpisodeFields.AUDIO_URL, this.audioUrl);
		values.put(EpisodeFields.AUDIO_LENGTH, text(this.audioLength));
		values.put(EpisodeFields.AUDIO_TYPE, this.audioType);
		values.put(EpisodeFields.DURATION, this.duration);
		values.put(EpisodeFields.PUBLISHED_AT, this.publishedAt);
		values.put(EpisodeFields.SEASON, text(this.season));
		values.put(EpisodeFields.EPISODE_NUMBER, text(this.episodeNumber));
		values.put(EpisodeFields.EPISODE_TYPE, this.episodeType);
		values.put(EpisodeFields.EXPLICIT, String.valueOf(this.explicit));
		values.put("status", text(this.status));
		return values;
	}

	/** Whether the host changed the field since the form was opened. */
	boolean changed(String field) {
		return !Objects.equals(blankToNull(values().get(field)), blankToNull(this.original.get(field)));
	}

	/** The publication time in the admin's zone, or null when it cannot be read. */
	Instant publishedAtIn(ZoneId zone) {
		try {
			return LocalDateTime.parse(this.publishedAt.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
				.atZone(zone)
				.toInstant();
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return null;
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSlug() {
		return this.slug;
	}

	public void setSlug(String slug) {
		this.slug = blankToNull(slug);
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public String getAudioUrl() {
		return this.audioUrl;
	}

	public void setAudioUrl(String audioUrl) {
		this.audioUrl = blankToNull(audioUrl);
	}

	public Long getAudioLength() {
		return this.audioLength;
	}

	public void setAudioLength(Long audioLength) {
		this.audioLength = audioLength;
	}

	public String getAudioType() {
		return this.audioType;
	}

	public void setAudioType(String audioType) {
		this.audioType = blankToNull(audioType);
	}

	public String getDuration() {
		return this.duration;
	}

	public void setDuration(String duration) {
		this.duration = blankToNull(duration);
	}

	public String getPublishedAt() {
		return this.publishedAt;
	}

	public void setPublishedAt(String publishedAt) {
		this.publishedAt = publishedAt;
	}

	public Integer getSeason() {
		return this.season;
	}

	public void setSeason(Integer season) {
		this.season = season;
	}

	public Integer getEpisodeNumber() {
		return this.episodeNumber;
	}

	public void setEpisodeNumber(Integer episodeNumber) {
		this.episodeNumber = episodeNumber;
	}

	public String getEpisodeType() {
		return this.episodeType;
	}

	public void setEpisodeType(String episodeType) {
		this.episodeType = episodeType;
	}

	public boolean isExplicit() {
		return this.explicit;
	}

	public void setExplicit(boolean explicit) {
		this.explicit = explicit;
	}

	public EpisodeStatus getStatus() {
		return this.status;
	}

	public void setStatus(EpisodeStatus status) {
		this.status = status;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public Map<String, String> getOriginal() {
		return this.original;
	}

	public void setOriginal(Map<String, String> original) {
		this.original = original;
	}

}
