package dev.podsite.feedimport;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;

import dev.podsite.episode.EpisodeLink;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.show.Funding;
import dev.podsite.show.ShowCategory;

/**
 * A feed mapped to our domain, ready to be stored.
 */
record ImportedFeed(ImportedShow show, List<ImportedEpisode> episodes, List<String> warnings) {

	record ImportedShow(String title, String link, String descriptionHtml, String author, String ownerName,
			String ownerEmail, String imageUrl, String language, String copyright, Boolean explicit, String type,
			String podcastGuid, Boolean locked, String lockedOwner, List<ShowCategory> categories,
			List<Funding> fundings) {

		/** A fingerprint of the show's fields: equal hashes mean nothing to write. */
		String contentHash() {
			StringJoiner all = new StringJoiner("\u0001");
			for (Object field : new Object[] { this.title, this.link, this.descriptionHtml, this.author, this.ownerName,
					this.ownerEmail, this.imageUrl, this.language, this.copyright, this.explicit, this.type,
					this.podcastGuid, this.locked, this.lockedOwner, this.categories, this.fundings }) {
				all.add(String.valueOf(field));
			}
			return EpisodeIdentity.sha256(all.toString());
		}

	}

	/**
	 * One item. {@code publishedAt} is null when the item has no usable date and no
	 * neighbour to place it by; the store then keeps the stored date or uses the import
	 * time.
	 */
	record ImportedEpisode(String identity, String guid, boolean guidPermalink, String title, String link,
			Instant publishedAt, Integer durationSeconds, String audioUrl, Long audioLength, String audioType,
			Integer season, Integer episodeNumber, String episodeType, Boolean explicit, String imageUrl,
			String chaptersUrl, String chaptersType, String notesHtml, String summary, List<EpisodeLink> links,
			List<Transcript> transcripts, List<Person> persons) {

		/** A fingerprint of everything imported: equal hashes mean nothing to write. */
		String contentHash() {
			StringJoiner all = new StringJoiner("\u0001");
			for (Object field : new Object[] { this.guid, this.guidPermalink, this.title, this.link, this.publishedAt,
					this.durationSeconds, this.audioUrl, this.audioLength, this.audioType, this.season,
					this.episodeNumber, this.episodeType, this.explicit, this.imageUrl, this.chaptersUrl,
					this.chaptersType, this.notesHtml, this.summary, this.links, this.transcripts, this.persons }) {
				all.add(String.valueOf(field));
			}
			return EpisodeIdentity.sha256(all.toString());
		}

		ImportedEpisode withPublishedAt(Instant date) {
			return new ImportedEpisode(this.identity, this.guid, this.guidPermalink, this.title, this.link, date,
					this.durationSeconds, this.audioUrl, this.audioLength, this.audioType, this.season,
					this.episodeNumber, this.episodeType, this.explicit, this.imageUrl, this.chaptersUrl,
					this.chaptersType, this.notesHtml, this.summary, this.links, this.transcripts, this.persons);
		}

	}

}
