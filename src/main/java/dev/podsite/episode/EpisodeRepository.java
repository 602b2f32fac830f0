package dev.podsite.episode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Reads episodes: for the public site, listed ones only (published, not deleted, still in
 * the feed or kept by the host) whose date has come; for the host, all of them.
 */
interface EpisodeRepository extends Repository<Episode, Long> {

	String PUBLIC = "e.listed = true and e.publishedAt <= :now";

	String SUMMARY = "select new dev.podsite.episode.EpisodeSummary(e.slug, e.title, e.publishedAt, e.durationSeconds,"
			+ " e.summary, e.season, e.episodeNumber, e.audioUrl) from Episode e";

	@Query(value = SUMMARY + " where " + PUBLIC + " order by e.publishedAt desc, e.id desc",
			countQuery = "select count(e) from Episode e where " + PUBLIC)
	Page<EpisodeSummary> findPublished(@Param("now") Instant now, Pageable pageable);

	String FILTER = "(:season is null or e.season = :season)"
			+ " and (:type is null or e.episodeType = :type or (:full = true and e.episodeType is null))";

	/**
	 * Like {@link #findPublished}, of one season and one type when given (an episode
	 * without a type is a full one).
	 */
	@Query(value = SUMMARY + " where " + PUBLIC + " and " + FILTER + " order by e.publishedAt desc, e.id desc",
			countQuery = "select count(e) from Episode e where " + PUBLIC + " and " + FILTER)
	Page<EpisodeSummary> findPublished(@Param("now") Instant now, @Param("season") @Nullable Integer season,
			@Param("type") @Nullable EpisodeType type, @Param("full") boolean full, Pageable pageable);

	/** Each season and type the published episodes have, in one query. */
	@Query("select distinct new dev.podsite.episode.EpisodeKind(e.season, e.episodeType) from Episode e where "
			+ PUBLIC)
	List<EpisodeKind> findPublishedKinds(@Param("now") Instant now);

	/** An episode with its lists, which the host's form reads. */
	@EntityGraph(attributePaths = { "links", "transcripts", "persons" })
	@Query("select e from Episode e where e.id = :id")
	Optional<Episode> findWithListsById(@Param("id") long id);

	@EntityGraph(attributePaths = { "links", "transcripts", "persons" })
	@Query("select e from Episode e where e.slug = :slug and " + PUBLIC)
	Optional<Episode> findPublishedBySlug(@Param("slug") String slug, @Param("now") Instant now);

	/**
	 * What the re-published feed carries: every published episode with audio, newest
	 * first.
	 */
	@Query("select e from Episode e where " + PUBLIC
			+ " and e.audioUrl is not null order by e.publishedAt desc, e.id desc")
	List<Episode> findPublishedWithAudio(@Param("now") Instant now);

	/** Every published episode's page and what lists it, newest first: the sitemap's. */
	@Query("select new dev.podsite.episode.EpisodeStamp(e.slug, e.publishedAt, e.updatedAt, e.season, e.episodeType)"
			+ " from Episode e where " + PUBLIC + " order by e.publishedAt desc, e.id desc")
	List<EpisodeStamp> findPublishedStamps(@Param("now") Instant now);

	/** When the next scheduled episode becomes public, if one is waiting. */
	@Query("select min(e.publishedAt) from Episode e where e.listed = true and e.publishedAt > :now")
	Optional<Instant> findNextPublicationAfter(@Param("now") Instant now);

	@Query("select max(e.updatedAt) from Episode e")
	Optional<Instant> findLastUpdate();

	/** The next older published episode: "previous" in the show's order. */
	@Query(SUMMARY + " where " + PUBLIC + " and (e.publishedAt < :at or (e.publishedAt = :at and e.id < :id))"
			+ " order by e.publishedAt desc, e.id desc limit 1")
	List<EpisodeSummary> findPublishedBefore(@Param("at") Instant at, @Param("id") Long id, @Param("now") Instant now);

	/** The next newer published episode. */
	@Query(SUMMARY + " where " + PUBLIC + " and (e.publishedAt > :at or (e.publishedAt = :at and e.id > :id))"
			+ " order by e.publishedAt asc, e.id asc limit 1")
	List<EpisodeSummary> findPublishedAfter(@Param("at") Instant at, @Param("id") Long id, @Param("now") Instant now);

	// The host's lists: every episode, drafts, scheduled, hidden and deleted ones too.

	String ROW = "select new dev.podsite.episode.EpisodeRow(e.id, e.slug, e.title, e.publishedAt, e.origin, e.status,"
			+ " e.hidden, e.deletedAt, e.overrides) from Episode e";

	@Query(value = ROW + " order by e.publishedAt desc, e.id desc", countQuery = "select count(e) from Episode e")
	Page<EpisodeRow> findRows(Pageable pageable);

	/**
	 * Titles holding {@code pattern} (a LIKE pattern, lowercase, ! escaping), served by a
	 * trigram index.
	 */
	@Query(value = ROW + " where lower(e.title) like :pattern escape '!' order by e.publishedAt desc, e.id desc",
			countQuery = "select count(e) from Episode e where lower(e.title) like :pattern escape '!'")
	Page<EpisodeRow> findRowsByTitle(@Param("pattern") String pattern, Pageable pageable);

	@Query(ROW + " where e.hidden = true and e.deletedAt is null order by e.hiddenAt desc")
	List<EpisodeRow> findLeftTheFeed();

	Optional<Episode> findById(Long id);

	@Query("select e.slug from Episode e where e.slug = :base or e.slug like concat(:base, '-%')")
	List<String> findSlugsLike(@Param("base") String base);

	boolean existsBySlugAndIdNot(String slug, Long id);

	boolean existsBySlug(String slug);

}
