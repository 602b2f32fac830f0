package dev.podsite.episode;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads episodes' chapters and transcripts: an episode's timeline for its page, in two
 * queries whatever its length, and for the import, the files episodes point to.
 */
@Component
class TimelineReader {

	/**
	 * Episodes a listener can see now or later, imported or the host's: their files are
	 * fetched.
	 */
	private static final String SHOWN = "NOT e.hidden AND e.deleted_at IS NULL";

	private final JdbcClient jdbc;

	TimelineReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Timeline of(long episodeId) {
		// 'file' sorts after 'feed': the file's chapters, when there are any, else the
		// item's own.
		List<Chapter> chapters = this.jdbc.sql("""
				SELECT start_seconds, end_seconds, title, url, image_url, toc FROM episode_chapter
				WHERE episode_id = :id
					AND source = (SELECT max(source) FROM episode_chapter WHERE episode_id = :id)
				ORDER BY position
				""")
			.param("id", episodeId)
			.query((row, i) -> new Chapter(row.getDouble("start_seconds"), seconds(row, "end_seconds"),
					row.getString("title"), row.getString("url"), row.getString("image_url"), row.getBoolean("toc")))
			.list();
		List<TranscriptCue> cues = this.jdbc.sql("""
				SELECT start_seconds, end_seconds, speaker, text FROM episode_transcript_cue
				WHERE episode_id = :id ORDER BY position
				""")
			.param("id", episodeId)
			.query((row, i) -> new TranscriptCue(row.getDouble("start_seconds"), seconds(row, "end_seconds"),
					row.getString("speaker"), row.getString("text")))
			.list();
		return (chapters.isEmpty() && cues.isEmpty()) ? Timeline.EMPTY
				: new Timeline(List.copyOf(chapters), List.copyOf(cues));
	}

	/**
	 * The files that shown episodes point to or were read from, newest episode first, in
	 * three queries.
	 */
	List<TimelineFiles> fileSources() {
		return fileSources("");
	}

	/**
	 * The files of one episode, if it is shown and points to any or was read from any.
	 */
	Optional<TimelineFiles> fileSources(long episodeId) {
		return fileSources(" AND e.id = " + episodeId).stream().findFirst();
	}

	private List<TimelineFiles> fileSources(String narrowed) {
		Map<Long, List<Transcript>> transcripts = new HashMap<>();
		this.jdbc
			.sql("SELECT t.episode_id, t.url, t.type, t.language, t.rel FROM episode_transcript t"
					+ " JOIN episode e ON e.id = t.episode_id WHERE " + SHOWN + narrowed
					+ " ORDER BY t.episode_id, t.position")
			.query((row) -> {
				transcripts.computeIfAbsent(row.getLong("episode_id"), (id) -> new ArrayList<>())
					.add(new Transcript(row.getString("url"), row.getString("type"), row.getString("language"),
							row.getString("rel")));
			});
		Map<String, TimelineFiles.Stored> stored = new HashMap<>();
		this.jdbc.sql("SELECT episode_id, kind, url, content_hash FROM episode_timeline_source").query((row) -> {
			stored.put(row.getLong("episode_id") + "/" + row.getString("kind"),
					new TimelineFiles.Stored(row.getString("url"), row.getString("content_hash")));
		});
		Map<Long, TimelineFiles> files = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT e.id, e.title, e.chapters_url, e.chapters_type FROM episode e WHERE " + SHOWN + narrowed
					+ " ORDER BY e.published_at DESC, e.id DESC")
			.query((row) -> {
				long id = row.getLong("id");
				TimelineFiles episode = new TimelineFiles(id, row.getString("title"), row.getString("chapters_url"),
						row.getString("chapters_type"), transcripts.getOrDefault(id, List.of()),
						stored.get(id + "/chapters"), stored.get(id + "/transcript"));
				if (episode.chaptersUrl() != null || !episode.transcripts().isEmpty()
						|| episode.storedChapters() != null || episode.storedTranscript() != null) {
					files.put(id, episode);
				}
			});
		return List.copyOf(files.values());
	}

	private static @Nullable Double seconds(ResultSet row, String column) throws SQLException {
		BigDecimal value = row.getBigDecimal(column);
		return (value != null) ? value.doubleValue() : null;
	}

}
