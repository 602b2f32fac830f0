package dev.podsite.episode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of episodes' chapters, transcript cues and the files they were read
 * from. Callers hold the transaction.
 */
@Component
class TimelineWriter {

	private static final String FEED = "feed";

	private static final String FILE = "file";

	private static final String CHAPTERS = "chapters";

	private static final String TRANSCRIPT = "transcript";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	TimelineWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * The chapters inside the items (Podlove Simple Chapters), as the import writes them.
	 */
	void replaceFeedChapters(Map<Long, List<Chapter>> chaptersByEpisode) {
		this.jdbc.sql("DELETE FROM episode_chapter WHERE episode_id = ANY (:ids) AND source = 'feed'")
			.param("ids", chaptersByEpisode.keySet().toArray(Long[]::new))
			.update();
		insertChapters(FEED, chaptersByEpisode);
	}

	/** The chapters of a podcast:chapters file, in place of those of any file before. */
	void replaceFileChapters(Collection<Long> episodeIds, TimelineFiles.Stored file, List<Chapter> chapters,
			Instant now) {
		removeFileChapters(episodeIds);
		Map<Long, List<Chapter>> chaptersByEpisode = new LinkedHashMap<>();
		episodeIds.forEach((id) -> chaptersByEpisode.put(id, chapters));
		insertChapters(FILE, chaptersByEpisode);
		recordSource(episodeIds, CHAPTERS, file, now);
	}

	/**
	 * A transcript's cues, in place of those before: one statement per episode, however
	 * many cues.
	 */
	void replaceCues(Collection<Long> episodeIds, TimelineFiles.Stored file, List<TranscriptCue> cues, Instant now) {
		removeCues(episodeIds);
		Double[] starts = new Double[cues.size()];
		Double[] ends = new Double[cues.size()];
		String[] speakers = new String[cues.size()];
		String[] texts = new String[cues.size()];
		for (int i = 0; i < cues.size(); i++) {
			TranscriptCue cue = cues.get(i);
			starts[i] = cue.start();
			ends[i] = cue.end();
			speakers[i] = cue.speaker();
			texts[i] = cue.text();
		}
		for (long episodeId : episodeIds) {
			this.jdbc.sql("""
					INSERT INTO episode_transcript_cue (episode_id, position, start_seconds, end_seconds, speaker, text)
					SELECT :episodeId, cue.position - 1, cue.start_seconds, cue.end_seconds, cue.speaker, cue.text
					FROM unnest(:starts::float8[], :ends::float8[], :speakers::text[], :texts::text[])
						WITH ORDINALITY AS cue (start_seconds, end_seconds, speaker, text, position)
					""")
				.param("episodeId", episodeId)
				.param("starts", starts)
				.param("ends", ends)
				.param("speakers", speakers)
				.param("texts", texts)
				.update();
		}
		recordSource(episodeIds, TRANSCRIPT, file, now);
	}

	/** Removes the chapters read from files; those inside the items stay. */
	void removeFileChapters(Collection<Long> episodeIds) {
		Long[] ids = episodeIds.toArray(Long[]::new);
		this.jdbc.sql("DELETE FROM episode_chapter WHERE episode_id = ANY (:ids) AND source = 'file'")
			.param("ids", ids)
			.update();
		removeSources(ids, CHAPTERS);
	}

	void removeCues(Collection<Long> episodeIds) {
		Long[] ids = episodeIds.toArray(Long[]::new);
		this.jdbc.sql("DELETE FROM episode_transcript_cue WHERE episode_id = ANY (:ids)").param("ids", ids).update();
		removeSources(ids, TRANSCRIPT);
	}

	private void insertChapters(String source, Map<Long, List<Chapter>> chaptersByEpisode) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		chaptersByEpisode.forEach((episodeId, chapters) -> {
			for (int i = 0; i < chapters.size(); i++) {
				Chapter chapter = chapters.get(i);
				rows.add(new MapSqlParameterSource().addValue("episodeId", episodeId)
					.addValue("source", source)
					.addValue("position", i)
					.addValue("start", chapter.start())
					.addValue("end", chapter.end())
					.addValue("title", chapter.title())
					.addValue("url", chapter.url())
					.addValue("imageUrl", chapter.imageUrl())
					.addValue("toc", chapter.toc()));
			}
		});
		this.batch.batchUpdate("""
				INSERT INTO episode_chapter (episode_id, source, position, start_seconds, end_seconds, title, url,
					image_url, toc)
				VALUES (:episodeId, :source, :position, :start, :end, :title, :url, :imageUrl, :toc)
				""", rows.toArray(MapSqlParameterSource[]::new));
	}

	private void recordSource(Collection<Long> episodeIds, String kind, TimelineFiles.Stored file, Instant now) {
		this.jdbc.sql("""
				INSERT INTO episode_timeline_source (episode_id, kind, url, content_hash, stored_at)
				SELECT id, :kind, :url, :contentHash, :now FROM unnest(:ids::bigint[]) AS id
				ON CONFLICT (episode_id, kind) DO UPDATE
					SET url = excluded.url, content_hash = excluded.content_hash, stored_at = excluded.stored_at
				""")
			.param("ids", episodeIds.toArray(Long[]::new))
			.param("kind", kind)
			.param("url", file.url())
			.param("contentHash", file.contentHash())
			.param("now", Timestamp.from(now))
			.update();
	}

	private void removeSources(Long[] ids, String kind) {
		this.jdbc.sql("DELETE FROM episode_timeline_source WHERE episode_id = ANY (:ids) AND kind = :kind")
			.param("ids", ids)
			.param("kind", kind)
			.update();
	}

}
