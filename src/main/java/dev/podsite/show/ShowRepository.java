package dev.podsite.show;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ShowRepository extends Repository<Show, Long> {

	/** The site serves one show: the first one imported. */
	@EntityGraph(attributePaths = { "categories", "fundings" })
	@Query("select s from Show s where s.id = (select min(first.id) from Show first)")
	Optional<Show> findCurrent();

}
