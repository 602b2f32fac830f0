package dev.podsite.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One episode of the show, imported from the feed or written by the host. The importer
 * writes imported ones in bulk; the host's edits go through this entity, and write only
 * the columns they change, so an import running at the same time keeps its changes.
 */
@Entity
@DynamicUpdate
@Table(name = "episode")
public class Episode {

	/** How long the plain-text summary in lists may be. */
	public static final int SUMMARY_LENGTH = 280;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String identity;

	private Long showId;

	private String guid;

	private boolean guidPermalink;

	private String slug;

	private String title;

	private String link;

	private Instant publishedAt;

	private Integer durationSeconds;

	private String audioUrl;

	private Long audioLength;

	private String audioType;

	private Integer season;

	private Integer episodeNumber;

	private String episodeType;

	private Boolean explicit;

	private String imageUrl;

	private String chaptersUrl;

	private String chaptersType;

	private String notesHtml;

	private String summary;

	private boolean hidden;

	private Instant hiddenAt;

	private Instant createdAt;

	private Instant updatedAt;

	private String contentHash;

	@Enumerated(EnumType.STRING)
	private EpisodeOrigin origin;

	@Enumerated(EnumType.STRING)
	private EpisodeStatus status;

	private Instant deletedAt;

	private String notesMarkdown;

	// The fields the host changed on an imported episode; imports leave them alone.
	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> overrides = new ArrayList<>();

	@Column(insertable = false, updatable = false)
	private boolean listed;

	@Version
	private int version;

	// Lists of many episodes (the feed) load these in batches, not one query per episode.
	@ElementCollection
	@BatchSize(size = 500)
	@CollectionTable(name = "episode_link", joinColumns = @JoinColumn(name = "episode_id"))
	@OrderColumn(name = "position")
	private List<EpisodeLink> links = new ArrayList<>();

	@ElementCollection
	@BatchSize(size = 500)
	@CollectionTable(name = "episode_transcript", joinColumns = @JoinColumn(name = "episode_id"))
	@OrderColumn(name = "position")
	private List<Transcript> transcripts = new ArrayList<>();

	@ElementCollection
	@BatchSize(size = 500)
	@CollectionTable(name = "episode_person", joinColumns = @JoinColumn(name = "episode_id"))
	@OrderColumn(name = "position")
	private List<Person> persons = new ArrayList<>();

	protected Episode() {
	}

	/**
	 * A new episode of the host's own, with a stable random guid, as a draft dated now.
	 */
	public static Episode byHost(long showId, Instant now) {
		Episode episode = new Episode();
		String guid = UUID.randomUUID().toString();
		episode.showId = showId;
		episode.identity = "host:" + guid;
		episode.guid = guid;
		episode.origin = EpisodeOrigin.HOST;
		episode.status = EpisodeStatus.DRAFT;
		episode.publishedAt = now;
		episode.notesHtml = "";
		episode.summary = "";
		episode.contentHash = "";
		episode.createdAt = now;
		episode.updatedAt = now;
		return episode;
	}

	public Long getId() {
		return this.id;
	}

	public Long getShowId() {
		return this.showId;
	}

	public String getGuid() {
		return this.guid;
	}

	/** Whether the source said the guid is the episode's URL (RSS isPermaLink). */
	public boolean isGuidPermalink() {
		return this.guidPermalink;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public String getLink() {
		return this.link;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	/** The publication day, in UTC like the feed's dates. */
	public LocalDate getPublishedOn() {
		return LocalDate.ofInstant(this.publishedAt, ZoneOffset.UTC);
	}

	public Integer getDurationSeconds() {
		return this.durationSeconds;
	}

	/** The duration as a listener reads it, e.g. 1:02:05, or null when unknown. */
	public String getDuration() {
		return Durations.format(this.durationSeconds);
	}

	public String getIsoDuration() {
		return Durations.iso(this.durationSeconds);
	}

	public String getAudioUrl() {
		return this.audioUrl;
	}

	public boolean hasAudio() {
		return this.audioUrl != null;
	}

	public Long getAudioLength() {
		return this.audioLength;
	}

	/** The audio file's size for listeners, e.g. "48 MB", or null when unknown. */
	public String getAudioSize() {
		return FileSizes.format(this.audioLength);
	}

	public String getAudioType() {
		return this.audioType;
	}

	public Integer getSeason() {
		return this.season;
	}

	public Integer getEpisodeNumber() {
		return this.episodeNumber;
	}

	public String getEpisodeType() {
		return this.episodeType;
	}

	public Boolean getExplicit() {
		return this.explicit;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public String getChaptersUrl() {
		return this.chaptersUrl;
	}

	public String getChaptersType() {
		return this.chaptersType;
	}

	public String getNotesHtml() {
		return this.notesHtml;
	}

	public String getSummary() {
		return this.summary;
	}

	public boolean isHidden() {
		return this.hidden;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getVersion() {
		return this.version;
	}

	public List<EpisodeLink> getLinks() {
		return this.links;
	}

	public List<Transcript> getTranscripts() {
		return this.transcripts;
	}

	public List<Person> getPersons() {
		return this.persons;
	}

	public boolean isImported() {
		return this.origin == EpisodeOrigin.FEED;
	}

	public EpisodeStatus getStatus() {
		return this.status;
	}

	/** The Markdown the host wrote the notes in, or null while they are the feed's. */
	public String getNotesMarkdown() {
		return this.notesMarkdown;
	}

	public List<String> getOverrides() {
		return this.overrides;
	}

	public boolean isOverridden(String field) {
		return this.overrides.contains(field);
	}

	/**
	 * Where the episode stands for the host; {@code now} tells scheduled from published.
	 */
	public EpisodeState getState(Instant now) {
		return EpisodeState.of(this.deletedAt, this.hidden, this.status, this.publishedAt, now);
	}

	// The host's edits. On an imported episode each one marks its field as the host's.

	public void setTitle(String title) {
		this.title = title;
		override(EpisodeFields.TITLE);
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public void setNotes(String markdown, String html, String summary, List<EpisodeLink> links) {
		this.notesMarkdown = markdown;
		this.notesHtml = html;
		this.summary = summary;
		this.links.clear();
		this.links.addAll(links);
		override(EpisodeFields.NOTES);
	}

	public void setAudioUrl(String audioUrl) {
		this.audioUrl = audioUrl;
		override(EpisodeFields.AUDIO_URL);
	}

	public void setAudioLength(Long audioLength) {
		this.audioLength = audioLength;
		override(EpisodeFields.AUDIO_LENGTH);
	}

	public void setAudioType(String audioType) {
		this.audioType = audioType;
		override(EpisodeFields.AUDIO_TYPE);
	}

	public void setDurationSeconds(Integer durationSeconds) {
		this.durationSeconds = durationSeconds;
		override(EpisodeFields.DURATION);
	}

	public void setPublishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
		override(EpisodeFields.PUBLISHED_AT);
	}

	public void setSeason(Integer season) {
		this.season = season;
		override(EpisodeFields.SEASON);
	}

	public void setEpisodeNumber(Integer episodeNumber) {
		this.episodeNumber = episodeNumber;
		override(EpisodeFields.EPISODE_NUMBER);
	}

	public void setEpisodeType(String episodeType) {
		this.episodeType = episodeType;
		override(EpisodeFields.EPISODE_TYPE);
	}

	public void setExplicit(Boolean explicit) {
		this.explicit = explicit;
		override(EpisodeFields.EXPLICIT);
	}

	public void setStatus(EpisodeStatus status) {
		this.status = status;
	}

	/** Keeps an episode that left the feed on the site, as the host asked. */
	public void keepOnSite() {
		this.hidden = false;
		this.hiddenAt = null;
		override(EpisodeFields.VISIBILITY);
	}

	public void delete(Instant now) {
		this.deletedAt = now;
	}

	public void undelete() {
		this.deletedAt = null;
	}

	public void touch(Instant now) {
		this.updatedAt = now;
	}

	private void override(String field) {
		if (this.origin == EpisodeOrigin.FEED && !this.overrides.contains(field)) {
			// A new list: the entity's dirty check compares the reference.
			List<String> overrides = new ArrayList<>(this.overrides);
			overrides.add(field);
			this.overrides = overrides;
		}
	}

}
