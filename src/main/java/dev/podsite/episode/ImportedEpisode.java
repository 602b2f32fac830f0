package dev.podsite.episode;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

import dev.podsite.support.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * An item of the feed mapped to an episode, ready to be stored: addresses are web
 * addresses and the notes are sanitized.
 *
 * @param identity which episode the item is across imports (its trimmed guid, else its
 * enclosure URL, link or a hash)
 * @param guid the guid as the source wrote it, re-published unchanged
 * @param content the fields the host may change, its chapters file, transcripts and
 * people among them
 * @param chapters the chapters inside the item (Podlove Simple Chapters), in order
 * @param foreignMarkup the item's elements the site does not model, as the feed wrote
 * them, re-published as they are (a {@code <foreign>} element holding them), or null
 */
public record ImportedEpisode(String identity, String guid, boolean guidPermalink, @Nullable String link,
		@Nullable String imageUrl, EpisodeContent content, List<Chapter> chapters, @Nullable String foreignMarkup) {

	/** An item without elements kept as written. */
	public ImportedEpisode(String identity, String guid, boolean guidPermalink, @Nullable String link,
			@Nullable String imageUrl, EpisodeContent content, List<Chapter> chapters) {
		this(identity, guid, guidPermalink, link, imageUrl, content, chapters, null);
	}

	/** An item without chapters inside it. */
	public ImportedEpisode(String identity, String guid, boolean guidPermalink, @Nullable String link,
			@Nullable String imageUrl, EpisodeContent content) {
		this(identity, guid, guidPermalink, link, imageUrl, content, List.of());
	}

	public String title() {
		return this.content.title();
	}

	public @Nullable Instant publishedAt() {
		return this.content.publishedAt();
	}

	public @Nullable String chaptersUrl() {
		return (this.content.chaptersFile() != null) ? this.content.chaptersFile().url() : null;
	}

	public @Nullable String chaptersType() {
		return (this.content.chaptersFile() != null) ? this.content.chaptersFile().type() : null;
	}

	public List<Transcript> transcripts() {
		return this.content.transcripts();
	}

	public List<Person> persons() {
		return this.content.people();
	}

	public ImportedEpisode withPublishedAt(@Nullable Instant date) {
		return new ImportedEpisode(this.identity, this.guid, this.guidPermalink, this.link, this.imageUrl,
				this.content.withPublishedAt(date), this.chapters, this.foreignMarkup);
	}

	public ImportedEpisode withForeignMarkup(@Nullable String markup) {
		return new ImportedEpisode(this.identity, this.guid, this.guidPermalink, this.link, this.imageUrl, this.content,
				this.chapters, markup);
	}

	/** A fingerprint of everything imported: equal hashes mean nothing to write. */
	String contentHash() {
		StringJoiner all = new StringJoiner("\u0001");
		for (Object field : new Object[] { this.guid, this.guidPermalink, this.link, this.imageUrl, this.content }) {
			all.add(String.valueOf(field));
		}
		if (!this.chapters.isEmpty()) {
			// Only then: an item without chapters keeps the hash it was stored with.
			all.add(String.valueOf(this.chapters));
		}
		if (this.foreignMarkup != null) {
			all.add(this.foreignMarkup);
		}
		return Hashes.sha256(all.toString());
	}

}
