package dev.podsite.feedimport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the import knows of each chapter and transcript file, shared by every instance
 * through PostgreSQL ({@code media_file}): the validators and hash of the last body
 * downloaded, whether that body could be read, when the file was last asked for, and its
 * last failure.
 */
@Component
class MediaFileState {

	private final JdbcClient jdbc;

	MediaFileState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Known> find(Collection<String> urls) {
		Map<String, Known> known = new HashMap<>();
		this.jdbc.sql("""
				SELECT url, etag, last_modified, content_hash, content_error, content_error_notice, checked_at,
					(failed_at IS NOT NULL AND failed_at >= checked_at) AS failing
				FROM media_file WHERE url = ANY (:urls)
				""").param("urls", urls.toArray(String[]::new)).query((row) -> {
			known.put(row.getString("url"),
					new Known(row.getString("etag"), row.getString("last_modified"), row.getString("content_hash"),
							contentError(row.getString("content_error_notice"), row.getString("content_error")),
							row.getTimestamp("checked_at").toInstant(), row.getBoolean("failing")));
		});
		return known;
	}

	/**
	 * The file was asked for and has not changed (304, or the same body): only when, and
	 * any new validators.
	 * @param contentError why its unchanged body still cannot be read, or null
	 */
	void unchanged(String url, @Nullable String etag, @Nullable String lastModified, @Nullable HostNotice contentError,
			Instant now) {
		this.jdbc.sql("""
				UPDATE media_file SET checked_at = :now, etag = coalesce(:etag, etag),
					last_modified = coalesce(:lastModified, last_modified),
					failure = coalesce(:contentError, failure),
					failed_at = CASE WHEN :contentError::text IS NULL THEN failed_at ELSE :now::timestamptz END
				WHERE url = :url
				""")
			.param("url", url)
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("contentError", (contentError != null) ? contentError.english() : null)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * A body was downloaded.
	 * @param contentError why it cannot be read, or null when it was read
	 */
	void downloaded(String url, String contentHash, @Nullable String etag, @Nullable String lastModified,
			@Nullable HostNotice contentError, Instant now) {
		this.jdbc.sql("""
				INSERT INTO media_file (url, etag, last_modified, content_hash, content_error, content_error_notice,
					fetched_at, checked_at, failure, failed_at)
				VALUES (:url, :etag, :lastModified, :contentHash, :contentError, :contentErrorNotice::jsonb, :now, :now,
					:contentError,
					CASE WHEN :contentError::text IS NULL THEN NULL ELSE :now::timestamptz END)
				ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
					content_hash = excluded.content_hash, content_error = excluded.content_error,
					content_error_notice = excluded.content_error_notice,
					fetched_at = excluded.fetched_at, checked_at = excluded.checked_at,
					failure = coalesce(excluded.failure, media_file.failure),
					failed_at = coalesce(excluded.failed_at, media_file.failed_at)
				""")
			.param("url", url)
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("contentHash", contentHash)
			.param("contentError", (contentError != null) ? contentError.english() : null)
			.param("contentErrorNotice", (contentError != null) ? contentError.toJson() : null)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The file could not be fetched: what was known of its last body stays. */
	void failed(String url, String failure, Instant now) {
		this.jdbc.sql("""
				INSERT INTO media_file (url, checked_at, failure, failed_at) VALUES (:url, :now, :failure, :now)
				ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, failure = excluded.failure,
					failed_at = excluded.failed_at
				""").param("url", url).param("failure", failure).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Why a body cannot be read: its notice, else the English of a file checked before.
	 */
	private static @Nullable HostNotice contentError(@Nullable String notice, @Nullable String english) {
		return (notice != null) ? HostNotice.fromJson(notice) : (english != null) ? HostNotice.verbatim(english) : null;
	}

	/** Forgets the files no episode points to any more. */
	int keepOnly(Collection<String> urls) {
		return this.jdbc.sql("DELETE FROM media_file WHERE NOT (url = ANY (:urls))")
			.param("urls", urls.toArray(String[]::new))
			.update();
	}

	/**
	 * What is known of a file.
	 *
	 * @param contentHash the hash of the last body downloaded, null before any
	 * @param contentError why that body could not be read, null when it was
	 * @param failing whether the last time it was asked for, it failed
	 */
	record Known(@Nullable String etag, @Nullable String lastModified, @Nullable String contentHash,
			@Nullable HostNotice contentError, Instant checkedAt, boolean failing) {

		/** For a conditional GET: only with a body and something to send. */
		FeedState.@Nullable Validators validators() {
			return (this.contentHash != null && (this.etag != null || this.lastModified != null))
					? new FeedState.Validators(this.etag, this.lastModified, this.contentHash) : null;
		}

	}

}
