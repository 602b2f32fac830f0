package dev.podsite.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * One episode of the show, imported from the feed or written by the host, as the pages,
 * the feed and the admin read it. Only {@link EpisodeWriter} writes episodes.
 */
@Entity
@Immutable
@Table(name = "episode")
public class Episode {

	@Id
	private Long id;

	private String guid;

	private boolean guidPermalink;

	private String slug;

	private String title;

	private @Nullable String link;

	private Instant publishedAt;

	private @Nullable Integer durationSeconds;

	private @Nullable String audioUrl;

	private @Nullable Long audioLength;

	private @Nullable String audioType;

	private @Nullable Integer season;

	private @Nullable Integer episodeNumber;

	@Convert(converter = EpisodeType.Column.class)
	private @Nullable EpisodeType episodeType;

	private @Nullable Boolean explicit;

	private @Nullable String imageUrl;

	private @Nullable String chaptersUrl;

	private @Nullable String chaptersType;

	private String notesHtml;

	private String summary;

	private boolean hidden;

	private @Nullable Instant hiddenAt;

	private Instant updatedAt;

	@Enumerated(EnumType.STRING)
	private EpisodeOrigin origin;

	@Enumerated(EnumType.STRING)
	private EpisodeStatus status;

	private @Nullable Instant deletedAt;

	private @Nullable String notesMarkdown;

	// See Overrides.
	@JdbcTypeCode(SqlTypes.ARRAY)
	private List<String> overrides = new ArrayList<>();

	@Column(insertable = false, updatable = false)
	private boolean listed;

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

	public Long getId() {
		return this.id;
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

	public @Nullable String getLink() {
		return this.link;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	/** The publication day, in UTC like the feed's dates. */
	public LocalDate getPublishedOn() {
		return LocalDate.ofInstant(this.publishedAt, ZoneOffset.UTC);
	}

	public @Nullable Integer getDurationSeconds() {
		return this.durationSeconds;
	}

	/** The duration as a listener reads it, e.g. 1:02:05, or null when unknown. */
	public @Nullable String getDuration() {
		return Durations.format(this.durationSeconds);
	}

	public @Nullable String getIsoDuration() {
		return Durations.iso(this.durationSeconds);
	}

	public @Nullable String getAudioUrl() {
		return this.audioUrl;
	}

	public boolean hasAudio() {
		return this.audioUrl != null;
	}

	public @Nullable Long getAudioLength() {
		return this.audioLength;
	}

	/**
	 * The audio file's size for listeners, e.g. "48 MB" ("4,2 MB" in Romanian), or null
	 * when unknown.
	 */
	public @Nullable HostNotice getAudioSize() {
		return FileSizes.format(this.audioLength);
	}

	public @Nullable String getAudioType() {
		return this.audioType;
	}

	public @Nullable Integer getSeason() {
		return this.season;
	}

	public @Nullable Integer getEpisodeNumber() {
		return this.episodeNumber;
	}

	public @Nullable EpisodeType getEpisodeType() {
		return this.episodeType;
	}

	public @Nullable Boolean getExplicit() {
		return this.explicit;
	}

	public @Nullable String getImageUrl() {
		return this.imageUrl;
	}

	public @Nullable String getChaptersUrl() {
		return this.chaptersUrl;
	}

	public @Nullable String getChaptersType() {
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
	public @Nullable String getNotesMarkdown() {
		return this.notesMarkdown;
	}

	public List<String> getOverrides() {
		return this.overrides;
	}

	/** Whether the host changed the field of this imported episode. */
	public boolean isOverridden(String fieldKey) {
		return this.overrides.contains(fieldKey);
	}

	/**
	 * Where the episode stands for the host; {@code now} tells scheduled from published.
	 */
	public EpisodeState getState(Instant now) {
		return EpisodeState.of(this.deletedAt, this.hidden, this.status, this.publishedAt, now);
	}

}
