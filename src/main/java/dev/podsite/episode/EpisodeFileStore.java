package dev.podsite.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.podsite.support.Hashes;
import dev.podsite.support.SiteProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer and reader of the files the host uploaded ({@code episode_file}). Each
 * lives at {@code {podsite.base-url}/episodes/{slug}/{name}}: an address of the site's
 * own, which the episode points to like any other. Callers hold the transaction.
 */
@Component
class EpisodeFileStore {

	private static final Pattern NAME = Pattern.compile("[a-z]+\\.[a-z]+");

	private final JdbcClient jdbc;

	private final String episodes;

	private final Pattern ownUrl;

	EpisodeFileStore(JdbcClient jdbc, SiteProperties site) {
		this.jdbc = jdbc;
		this.episodes = site.url("/episodes/");
		this.ownUrl = Pattern.compile(Pattern.quote(this.episodes) + "([a-z0-9-]+)/(" + NAME.pattern() + ")");
	}

	/** The address of a file of the episode of that slug. */
	String url(String slug, String name) {
		return this.episodes + slug + "/" + name;
	}

	/** Stores the file in place of the episode's file of its kind. */
	void put(long episodeId, EpisodeFile.Upload upload, Instant now) {
		this.jdbc.sql("""
				INSERT INTO episode_file (episode_id, kind, name, media_type, uploaded_name, body, content_hash,
					uploaded_at)
				VALUES (:episodeId, :kind, :name, :mediaType, :uploadedName, :body, :contentHash, :now)
				ON CONFLICT (episode_id, kind) DO UPDATE SET name = excluded.name, media_type = excluded.media_type,
					uploaded_name = excluded.uploaded_name, body = excluded.body,
					content_hash = excluded.content_hash, uploaded_at = excluded.uploaded_at
				""")
			.param("episodeId", episodeId)
			.param("kind", upload.kind().value())
			.param("name", upload.name())
			.param("mediaType", upload.mediaType())
			.param("uploadedName", upload.uploadedName())
			.param("body", upload.body())
			.param("contentHash", Hashes.sha256(upload.body()))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Whether a file of that kind was there to remove. */
	boolean remove(long episodeId, EpisodeFile.Kind kind) {
		return this.jdbc.sql("DELETE FROM episode_file WHERE episode_id = :episodeId AND kind = :kind")
			.param("episodeId", episodeId)
			.param("kind", kind.value())
			.update() > 0;
	}

	/** The episode's files, without their bytes: chapters first. */
	List<EpisodeFile> of(long episodeId, String slug) {
		return this.jdbc.sql("""
				SELECT kind, name, media_type, uploaded_name, octet_length(body) AS size, content_hash, uploaded_at
				FROM episode_file WHERE episode_id = :episodeId ORDER BY kind
				""")
			.param("episodeId", episodeId)
			.query((row, i) -> new EpisodeFile(EpisodeFile.Kind.of(row.getString("kind")), row.getString("name"),
					row.getString("media_type"), row.getString("uploaded_name"), row.getLong("size"),
					row.getString("content_hash"), row.getTimestamp("uploaded_at").toInstant(),
					url(slug, row.getString("name"))))
			.list();
	}

	/** The file of an episode listeners can see, by the episode's slug and its name. */
	Optional<EpisodeFile.Body> published(String slug, String name, Instant now) {
		return this.jdbc.sql("""
				SELECT f.episode_id, f.kind, f.name, f.body, f.content_hash, f.uploaded_at
				FROM episode_file f JOIN episode e ON e.id = f.episode_id
				WHERE e.slug = :slug AND f.name = :name AND e.listed AND e.published_at <= :now
				""")
			.param("slug", slug)
			.param("name", name)
			.param("now", Timestamp.from(now))
			.query(EpisodeFileStore::body)
			.optional();
	}

	/** Whether the address is one a file of the site's own would have. */
	boolean isOwn(String url) {
		return this.ownUrl.matcher(url).matches();
	}

	/**
	 * The file at a site's own address, whatever its episode's state (the import reads
	 * the files of drafts and scheduled episodes too); empty for any other address.
	 */
	Optional<EpisodeFile.Body> at(String url) {
		Matcher own = this.ownUrl.matcher(url);
		if (!own.matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT f.episode_id, f.kind, f.name, f.body, f.content_hash, f.uploaded_at
				FROM episode_file f JOIN episode e ON e.id = f.episode_id
				WHERE e.slug = :slug AND f.name = :name
				""").param("slug", own.group(1)).param("name", own.group(2)).query(EpisodeFileStore::body).optional();
	}

	private static EpisodeFile.Body body(ResultSet row, int i) throws SQLException {
		return new EpisodeFile.Body(row.getLong("episode_id"), EpisodeFile.Kind.of(row.getString("kind")),
				row.getString("name"), row.getBytes("body"), row.getString("content_hash"),
				row.getTimestamp("uploaded_at").toInstant());
	}

}
