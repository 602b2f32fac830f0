package dev.podsite.show;

import java.util.List;
import java.util.Optional;

import dev.podsite.support.Hashes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of the show's tables: an import stores the show its feed describes.
 */
@Service
public class ShowStore {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ShowStore(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Whether the site shows a show yet, the demo snapshot included. */
	@Transactional(readOnly = true)
	public boolean hasShow() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM show)").query(Boolean.class).single();
	}

	/** Whether the site shows the real feed's show, not the demo snapshot. */
	@Transactional(readOnly = true)
	public boolean hasRealShow() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM show WHERE NOT demo)").query(Boolean.class).single();
	}

	/**
	 * Stores the show, writing only when something of it changed; runs in the import's
	 * transaction.
	 * @param feedUrl the feed the show comes from
	 * @param demo whether it is the bundled demo snapshot
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Saved save(ShowContent show, String feedUrl, boolean demo) {
		// NO KEY: the host's new episodes check the show's key meanwhile, and need not
		// wait.
		Optional<Stored> existing = this.jdbc
			.sql("SELECT id, demo, content_hash FROM show ORDER BY id LIMIT 1 FOR NO KEY UPDATE")
			.query((row, i) -> new Stored(row.getLong("id"), row.getBoolean("demo"), row.getString("content_hash")))
			.optional();
		String hash = Hashes.sha256(show.contentHash() + "\u0001" + feedUrl + "\u0001" + demo);
		if (existing.isPresent() && hash.equals(existing.get().contentHash())) {
			return new Saved(existing.get().id(), false, false);
		}
		long showId;
		if (existing.isEmpty()) {
			showId = bind(this.jdbc.sql("""
					INSERT INTO show (feed_url, demo, title, link, description_html, author, owner_name, owner_email,
						image_url, language, copyright, explicit, show_type, podcast_guid, locked, locked_owner,
						foreign_markup, content_hash)
					VALUES (:feedUrl, :demo, :title, :link, :descriptionHtml, :author, :ownerName, :ownerEmail,
						:imageUrl, :language, :copyright, :explicit, :type, :podcastGuid, :locked, :lockedOwner,
						:foreignMarkup, :contentHash)
					RETURNING id
					"""), show, feedUrl, demo, hash).query(Long.class).single();
		}
		else {
			showId = existing.get().id();
			bind(this.jdbc
				.sql("""
						UPDATE show SET feed_url = :feedUrl, demo = :demo, title = :title, link = :link,
							description_html = :descriptionHtml, author = :author, owner_name = :ownerName,
							owner_email = :ownerEmail, image_url = :imageUrl, language = :language, copyright = :copyright,
							explicit = :explicit, show_type = :type, podcast_guid = :podcastGuid, locked = :locked,
							locked_owner = :lockedOwner, foreign_markup = :foreignMarkup, content_hash = :contentHash, updated_at = now()
						WHERE id = :id
						"""),
					show, feedUrl, demo, hash)
				.param("id", showId)
				.update();
			this.jdbc.sql("DELETE FROM show_category WHERE show_id = :id").param("id", showId).update();
			this.jdbc.sql("DELETE FROM show_funding WHERE show_id = :id").param("id", showId).update();
		}
		List<ShowCategory> categories = show.categories();
		for (int i = 0; i < categories.size(); i++) {
			this.jdbc
				.sql("INSERT INTO show_category (show_id, position, name, parent) VALUES (:id, :i, :name, :parent)")
				.param("id", showId)
				.param("i", i)
				.param("name", categories.get(i).name())
				.param("parent", categories.get(i).parent())
				.update();
		}
		List<Funding> fundings = show.fundings();
		for (int i = 0; i < fundings.size(); i++) {
			this.jdbc.sql("INSERT INTO show_funding (show_id, position, url, label) VALUES (:id, :i, :url, :label)")
				.param("id", showId)
				.param("i", i)
				.param("url", fundings.get(i).url())
				.param("label", fundings.get(i).label())
				.update();
		}
		this.events.publishEvent(new ShowChanged());
		boolean replacedDemo = existing.isPresent() && existing.get().demo() && !demo;
		return new Saved(showId, true, replacedDemo);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ShowContent show, String feedUrl,
			boolean demo, String hash) {
		return statement.param("feedUrl", feedUrl)
			.param("demo", demo)
			.param("title", show.title())
			.param("link", show.link())
			.param("descriptionHtml", show.descriptionHtml())
			.param("author", show.author())
			.param("ownerName", show.ownerName())
			.param("ownerEmail", show.ownerEmail())
			.param("imageUrl", show.imageUrl())
			.param("language", show.language())
			.param("copyright", show.copyright())
			.param("explicit", show.explicit())
			.param("type", show.type())
			.param("podcastGuid", show.podcastGuid())
			.param("locked", show.locked())
			.param("lockedOwner", show.lockedOwner())
			.param("foreignMarkup", show.foreignMarkup())
			.param("contentHash", hash);
	}

	/**
	 * What storing the show did.
	 *
	 * @param showId the show's id, for its episodes
	 * @param changed whether anything of the show was written
	 * @param replacedDemo whether the real feed's show replaced the demo snapshot, whose
	 * episodes then have to go
	 */
	public record Saved(long showId, boolean changed, boolean replacedDemo) {
	}

	private record Stored(long id, boolean demo, String contentHash) {
	}

}
