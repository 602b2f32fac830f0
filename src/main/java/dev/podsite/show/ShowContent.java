package dev.podsite.show;

import java.util.List;
import java.util.StringJoiner;

import dev.podsite.support.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * The show as a feed describes it, ready to be stored: addresses are web addresses and
 * the description is sanitized HTML.
 *
 * @param foreignMarkup the channel's elements the site does not model, as the feed wrote
 * them, re-published as they are (a {@code <foreign>} element holding them), or null
 */
public record ShowContent(String title, @Nullable String link, String descriptionHtml, @Nullable String author,
		@Nullable String ownerName, @Nullable String ownerEmail, @Nullable String imageUrl, @Nullable String language,
		@Nullable String copyright, @Nullable Boolean explicit, @Nullable String type, @Nullable String podcastGuid,
		@Nullable Boolean locked, @Nullable String lockedOwner, List<ShowCategory> categories, List<Funding> fundings,
		@Nullable String foreignMarkup) {

	/** A show without elements of its feed kept as written. */
	public ShowContent(String title, @Nullable String link, String descriptionHtml, @Nullable String author,
			@Nullable String ownerName, @Nullable String ownerEmail, @Nullable String imageUrl,
			@Nullable String language, @Nullable String copyright, @Nullable Boolean explicit, @Nullable String type,
			@Nullable String podcastGuid, @Nullable Boolean locked, @Nullable String lockedOwner,
			List<ShowCategory> categories, List<Funding> fundings) {
		this(title, link, descriptionHtml, author, ownerName, ownerEmail, imageUrl, language, copyright, explicit, type,
				podcastGuid, locked, lockedOwner, categories, fundings, null);
	}

	public ShowContent withForeignMarkup(@Nullable String markup) {
		return new ShowContent(this.title, this.link, this.descriptionHtml, this.author, this.ownerName,
				this.ownerEmail, this.imageUrl, this.language, this.copyright, this.explicit, this.type,
				this.podcastGuid, this.locked, this.lockedOwner, this.categories, this.fundings, markup);
	}

	/** A fingerprint of every field: equal hashes mean nothing to write. */
	public String contentHash() {
		StringJoiner all = new StringJoiner("\u0001");
		for (Object field : new Object[] { this.title, this.link, this.descriptionHtml, this.author, this.ownerName,
				this.ownerEmail, this.imageUrl, this.language, this.copyright, this.explicit, this.type,
				this.podcastGuid, this.locked, this.lockedOwner, this.categories, this.fundings }) {
			all.add(String.valueOf(field));
		}
		if (this.foreignMarkup != null) {
			// Only then: a show without it keeps the hash it was stored with.
			all.add(this.foreignMarkup);
		}
		return Hashes.sha256(all.toString());
	}

}
