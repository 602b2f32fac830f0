package dev.podsite.admin;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import dev.podsite.episode.Episode;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Every episode, as the host manages them: drafts, scheduled, hidden and deleted ones
 * too.
 */
interface HostEpisodes extends Repository<Episode, Long> {

	String ROW = "select new dev.podsite.admin.EpisodeRow(e.id, e.slug, e.title, e.publishedAt, e.origin, e.status,"
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

	/** The episode to change, locked until the change commits: an import waits for it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Episode e where e.id = :id")
	Optional<Episode> findForUpdate(@Param("id") Long id);

	@Query("select e.slug from Episode e where e.slug = :base or e.slug like concat(:base, '-%')")
	List<String> findSlugsLike(@Param("base") String base);

	boolean existsBySlugAndIdNot(String slug, Long id);

	boolean existsBySlug(String slug);

	Episode save(Episode episode);

}
