package dev.podsite.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.episode.Chapter;
import dev.podsite.episode.ChaptersFile;
import dev.podsite.episode.EpisodeContent;
import dev.podsite.episode.EpisodeNotes;
import dev.podsite.episode.EpisodeType;
import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.notes.ShowNotes;
import dev.podsite.show.Funding;
import dev.podsite.show.ShowCategory;
import dev.podsite.show.ShowContent;

/**
 * Shows and episodes as an import hands them to the show and episode modules, built in
 * code: page tests store them through those modules' APIs ({@link SiteData}) without
 * running the importer.
 */
public final class TestEpisodes {

	/** When the newest episode of {@link #large(int)} came out. */
	public static final Instant NEWEST = Instant.parse("2026-01-01T06:00:00Z");

	private TestEpisodes() {
	}

	/** A show with a title, an author, a category and artwork, in English. */
	public static ShowContent show(String title) {
		return show(title, "en");
	}

	public static ShowContent show(String title, String language) {
		return new ShowContent(title, "https://show.example/", "<p>A show about " + title + ".</p>", "Ann Host",
				"Ann Host", "ann@show.example", "https://show.example/art.jpg", language, "© Ann Host", false,
				"episodic", null, null, null, List.of(new ShowCategory("Technology", null)),
				List.of(new Funding("https://show.example/support", "Support the show")));
	}

	/**
	 * {@code count} episodes like a busy show's (the shape of the large feed): "Episode
	 * n: Rust at scale, part n", one a day up to {@link #NEWEST}, notes with three links,
	 * a transcript, audio; newest first.
	 */
	public static List<ImportedEpisode> large(int count) {
		List<ImportedEpisode> episodes = new ArrayList<>(count);
		for (int n = count; n >= 1; n--) {
			episodes.add(episode("large-" + n, "Episode " + n + ": Rust at scale, part " + n,
					NEWEST.minus(Duration.ofDays(count - n)))
				.notes("<p>In episode " + n + " we talk about ownership, lifetimes, async runtimes and how a team"
						+ " moved a busy service to Rust. We cover the migration plan, the first incidents, what the"
						+ " on-call rotation learned and which crates made the difference.</p><ul>"
						+ "<li><a href=\"https://docs.rs/tokio\">Tokio</a></li>"
						+ "<li><a href=\"https://serde.rs/\">Serde</a></li>"
						+ "<li><a href=\"https://large.example/notes/" + n + "\">Full notes</a></li></ul>"
						+ "<p>Thanks for listening, and see you next week.</p>")
				.audio("https://cdn.large.example/" + n + ".mp3", 1800 + n % 3600)
				.number(n)
				.transcript(new Transcript("https://large.example/" + n + ".vtt", "text/vtt", null, null))
				.build());
		}
		return episodes;
	}

	/** An episode with a title and a date and nothing else, to add to. */
	public static Builder episode(String guid, String title, Instant publishedAt) {
		return new Builder(guid, title, publishedAt);
	}

	/** Builds one episode field by field. */
	public static final class Builder {

		private final String guid;

		private final String title;

		private final Instant publishedAt;

		private EpisodeNotes notes = EpisodeNotes.NONE;

		private String audioUrl;

		private Integer duration;

		private Integer number;

		private Integer season;

		private EpisodeType type;

		private final List<Transcript> transcripts = new ArrayList<>();

		private final List<Person> persons = new ArrayList<>();

		private String chaptersUrl;

		private List<Chapter> simpleChapters = List.of();

		private Builder(String guid, String title, Instant publishedAt) {
			this.guid = guid;
			this.title = title;
			this.publishedAt = publishedAt;
		}

		/** Notes from HTML, sanitized as the import sanitizes a feed's. */
		public Builder notes(String html) {
			this.notes = EpisodeNotes.of(ShowNotes.fromFeed(html, "https://show.example/"));
			return this;
		}

		public Builder audio(String url, Integer seconds) {
			this.audioUrl = url;
			this.duration = seconds;
			return this;
		}

		public Builder number(int number) {
			this.number = number;
			return this;
		}

		public Builder season(int season) {
			this.season = season;
			return this;
		}

		public Builder type(EpisodeType type) {
			this.type = type;
			return this;
		}

		public Builder transcript(Transcript transcript) {
			this.transcripts.add(transcript);
			return this;
		}

		public Builder person(Person person) {
			this.persons.add(person);
			return this;
		}

		public Builder chapters(String url) {
			this.chaptersUrl = url;
			return this;
		}

		/** Chapters inside the item (Podlove Simple Chapters). */
		public Builder simpleChapters(Chapter... chapters) {
			this.simpleChapters = List.of(chapters);
			return this;
		}

		public ImportedEpisode build() {
			EpisodeContent content = new EpisodeContent(this.title, this.notes, this.audioUrl,
					(this.audioUrl != null) ? 48_000_000L : null, (this.audioUrl != null) ? "audio/mpeg" : null,
					this.duration, this.publishedAt, this.season, this.number, this.type, null,
					(this.chaptersUrl != null) ? new ChaptersFile(this.chaptersUrl, ChaptersFile.JSON_CHAPTERS) : null,
					List.copyOf(this.transcripts), List.copyOf(this.persons));
			return new ImportedEpisode(this.guid, this.guid, false, "https://show.example/" + this.guid, null, content,
					this.simpleChapters);
		}

	}

}
