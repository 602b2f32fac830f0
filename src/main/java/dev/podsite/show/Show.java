package dev.podsite.show;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The podcast as its feed describes it. The importer writes it; the site reads it.
 */
@Entity
@Table(name = "show")
public class Show {

	@Id
	private Long id;

	private String feedUrl;

	private boolean demo;

	private String title;

	private @Nullable String link;

	private String descriptionHtml;

	private @Nullable String author;

	private @Nullable String ownerName;

	private @Nullable String ownerEmail;

	private @Nullable String imageUrl;

	private @Nullable String language;

	private @Nullable String copyright;

	private @Nullable Boolean explicit;

	@Column(name = "show_type")
	private @Nullable String type;

	private @Nullable String podcastGuid;

	private @Nullable Boolean locked;

	private @Nullable String lockedOwner;

	private @Nullable String foreignMarkup;

	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "show_category", joinColumns = @JoinColumn(name = "show_id"))
	@OrderColumn(name = "position")
	private List<ShowCategory> categories = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "show_funding", joinColumns = @JoinColumn(name = "show_id"))
	@OrderColumn(name = "position")
	private List<Funding> fundings = new ArrayList<>();

	protected Show() {
	}

	public Long getId() {
		return this.id;
	}

	public String getFeedUrl() {
		return this.feedUrl;
	}

	/**
	 * Whether the site still shows the bundled demo snapshot instead of the real feed.
	 */
	public boolean isDemo() {
		return this.demo;
	}

	public String getTitle() {
		return this.title;
	}

	/** Up to two initials of the title, for artwork drawn when the feed has none. */
	public String getInitials() {
		StringBuilder initials = new StringBuilder();
		for (String word : this.title.split("[\\s\\p{Punct}]+")) {
			if (!word.isEmpty() && initials.length() < 2) {
				initials.appendCodePoint(word.codePointAt(0));
			}
		}
		return initials.toString().toUpperCase(Locale.ROOT);
	}

	/** One of eight colours, always the same for the same title. */
	public int getHue() {
		return Math.floorMod(this.title.hashCode(), 8);
	}

	public @Nullable String getLink() {
		return this.link;
	}

	public String getDescriptionHtml() {
		return this.descriptionHtml;
	}

	public @Nullable String getAuthor() {
		return this.author;
	}

	public @Nullable String getOwnerName() {
		return this.ownerName;
	}

	public @Nullable String getOwnerEmail() {
		return this.ownerEmail;
	}

	public @Nullable String getImageUrl() {
		return this.imageUrl;
	}

	public @Nullable String getLanguage() {
		return this.language;
	}

	/**
	 * The language as a BCP 47 tag, e.g. en-US for en-us or en for "English", or null
	 * when the feed names no language we know.
	 */
	public @Nullable String getLanguageTag() {
		return LanguageTags.of(this.language);
	}

	/** The language's name in English, e.g. "English" for en-us. */
	public @Nullable String getLanguageName() {
		return languageNameIn(Locale.ENGLISH);
	}

	/**
	 * The language's name in a reader's language, e.g. "Engleză" for en-us in Romanian;
	 * as the feed writes it when it names no language we know.
	 */
	public @Nullable String languageNameIn(Locale reader) {
		String tag = getLanguageTag();
		if (tag == null) {
			return this.language;
		}
		String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
		return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
	}

	public @Nullable String getCopyright() {
		return this.copyright;
	}

	public @Nullable Boolean getExplicit() {
		return this.explicit;
	}

	public @Nullable String getType() {
		return this.type;
	}

	public @Nullable String getPodcastGuid() {
		return this.podcastGuid;
	}

	public @Nullable Boolean getLocked() {
		return this.locked;
	}

	public @Nullable String getLockedOwner() {
		return this.lockedOwner;
	}

	/**
	 * The channel's elements the site does not model, as the feed wrote them: a
	 * {@code <foreign>} element holding them, or null.
	 */
	public @Nullable String getForeignMarkup() {
		return this.foreignMarkup;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public List<ShowCategory> getCategories() {
		return this.categories;
	}

	/** Top-level categories, each with its sub-categories, in feed order. */
	public Map<String, List<String>> getCategoryTree() {
		Map<String, List<String>> tree = new LinkedHashMap<>();
		for (ShowCategory category : this.categories) {
			if (category.parent() == null) {
				tree.putIfAbsent(category.name(), new ArrayList<>());
			}
			else {
				tree.computeIfAbsent(category.parent(), (parent) -> new ArrayList<>()).add(category.name());
			}
		}
		return tree;
	}

	public List<Funding> getFundings() {
		return this.fundings;
	}

}
