package dev.podsite.feedimport;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

public interface ImportRunRepository extends Repository<ImportRun, Long> {

	ImportRun save(ImportRun run);

	Optional<ImportRun> findFirstByOrderByStartedAtDesc();

	List<ImportRun> findTop20ByOrderByStartedAtDesc();

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
	@Query("update ImportRun r set r.status = dev.podsite.feedimport.ImportStatus.FAILED, r.finishedAt = :now,"
			+ " r.errorMessage = 'The import was interrupted: the application stopped during it.'"
			+ " where r.status = dev.podsite.feedimport.ImportStatus.RUNNING")
	int failInterrupted(Instant now);

}
