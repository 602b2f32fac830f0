package dev.podsite.feedimport;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface ImportRunRepository extends Repository<ImportRun, Long> {

	ImportRun save(ImportRun run);

	Optional<ImportRun> findFirstByOrderByStartedAtDesc();

	List<ImportRun> findTop20ByOrderByStartedAtDesc();

	/**
	 * The latest run that fetched the feed, or tried to: not a demo import, not one
	 * skipped for another, not one still running.
	 */
	default Optional<ImportRun> findLatestFetch() {
		return findFirstByDemoFalseAndStatusInOrderByStartedAtDesc(
				List.of(ImportStatus.SUCCEEDED, ImportStatus.FAILED, ImportStatus.UNCHANGED));
	}

	Optional<ImportRun> findFirstByDemoFalseAndStatusInOrderByStartedAtDesc(Collection<ImportStatus> statuses);

	/**
	 * How many of the latest fetches in a row failed because the feed's server answered
	 * {@code httpStatus}; demo imports, skipped and running ones do not count, nor break
	 * the row.
	 */
	@Query(nativeQuery = true, value = """
			SELECT count(*) FROM import_run r
			WHERE NOT r.demo AND r.status IN ('SUCCEEDED', 'FAILED', 'UNCHANGED')
				AND r.started_at > coalesce((SELECT max(o.started_at) FROM import_run o
					WHERE NOT o.demo AND o.status IN ('SUCCEEDED', 'FAILED', 'UNCHANGED')
						AND (o.status <> 'FAILED' OR o.http_status IS DISTINCT FROM :httpStatus)), '-infinity')
			""")
	int countLatestFailuresInARowAnswering(int httpStatus);

	@Transactional
	@Modifying
	@Query("delete from ImportRun r where r.startedAt < :before")
	int deleteStartedBefore(Instant before);

	/**
	 * Runs left RUNNING by a process that stopped during the import. Call it holding the
	 * import lock: then no import runs anywhere, and every RUNNING run was interrupted.
	 */
	@Transactional
	@Modifying
	@Query(nativeQuery = true, value = """
			UPDATE import_run SET status = 'FAILED', finished_at = :now,
				error_notice = '{"code": "import.interrupted", "args": []}'::jsonb
			WHERE status = 'RUNNING'
			""")
	int failInterrupted(Instant now);

}
