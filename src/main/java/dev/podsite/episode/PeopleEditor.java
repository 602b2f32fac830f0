package dev.podsite.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host's way into the people: everyone (also those no published episode credits),
 * renames and merges. Both outlast imports: the names and links a person was matched on
 * stay theirs, so the next import of the same credits lands on them.
 */
@Service
@Transactional
public class PeopleEditor {

	/** The longest name the host may give. */
	public static final int MAX_NAME_LENGTH = 200;

	private static final String ROWS = """
			SELECT p.id, p.slug, p.name,
				(SELECT count(DISTINCT ep.episode_id) FROM episode_person ep WHERE ep.person_id = p.id) AS episodes,
				EXISTS (SELECT 1 FROM show_person sp WHERE sp.person_id = p.id) AS on_show
			FROM person p
			""";

	private final PeopleWriter writer;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PeopleEditor(PeopleWriter writer, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.writer = writer;
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Everyone, by name, with how many episodes (of any state) credit them. */
	@Transactional(readOnly = true)
	public List<PersonRow> all() {
		return this.jdbc.sql(ROWS + " ORDER BY lower(p.name), p.id").query(PeopleEditor::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<PersonDetails> find(long id) {
		return this.jdbc.sql(ROWS + " WHERE p.id = :id")
			.param("id", id)
			.query(PeopleEditor::row)
			.optional()
			.map((row) -> new PersonDetails(row, this.writer.keys(id).stream().map(PeopleEditor::readable).toList()));
	}

	/**
	 * Gives the person another name; the slug stays, so their page keeps its address.
	 * @throws NameTaken when another person has that name: merge them instead
	 */
	public PersonRow rename(long id, String name) {
		String cleaned = name.strip().replaceAll("\\s+", " ");
		if (cleaned.isEmpty() || cleaned.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("A name has 1 to " + MAX_NAME_LENGTH + " characters");
		}
		this.writer.lock();
		PeopleWriter.Named person = this.writer.find(id).orElseThrow(PersonNotFound::new);
		Optional<PeopleWriter.Named> namesake = this.writer.namedAs(cleaned);
		if (namesake.isPresent() && namesake.get().id() != person.id()) {
			throw new NameTaken(namesake.get().id(), namesake.get().name());
		}
		this.writer.rename(id, cleaned);
		return changed(id);
	}

	/**
	 * Makes {@code merged} part of {@code kept}, who keeps their name and slug; the
	 * merged person's page leads to the kept one's.
	 */
	public PersonRow merge(long kept, long merged) {
		if (kept == merged) {
			throw new IllegalArgumentException("A person cannot be merged with themselves");
		}
		this.writer.lock();
		this.writer.find(kept).orElseThrow(PersonNotFound::new);
		this.writer.find(merged).orElseThrow(PersonNotFound::new);
		this.writer.merge(kept, merged);
		return changed(kept);
	}

	private PersonRow changed(long id) {
		this.events.publishEvent(new PeopleChanged());
		return find(id).orElseThrow(PersonNotFound::new).person();
	}

	private static PersonRow row(ResultSet row, int i) throws SQLException {
		return new PersonRow(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getInt("episodes"),
				row.getBoolean("on_show"));
	}

	/** A match key as the host reads it: "name: jane doe", "link: example.org/jane". */
	private static String readable(String key) {
		int colon = key.indexOf(':');
		return key.substring(0, colon + 1) + " " + key.substring(colon + 1);
	}

	/**
	 * A person in the host's list.
	 *
	 * @param episodes how many episodes credit them, drafts and hidden ones too
	 * @param onShow whether the show itself credits them
	 */
	public record PersonRow(long id, String slug, String name, int episodes, boolean onShow) {
	}

	/**
	 * A person with what imports match to them.
	 *
	 * @param matchedOn the names (lower case, without accents) and links that credits are
	 * matched to them on
	 */
	public record PersonDetails(PersonRow person, List<String> matchedOn) {
	}

	/** Another person has the name already. */
	public static class NameTaken extends RuntimeException {

		private final long otherId;

		private final String otherName;

		public NameTaken(long otherId, String otherName) {
			super("Another person is called " + otherName);
			this.otherId = otherId;
			this.otherName = otherName;
		}

		public long otherId() {
			return this.otherId;
		}

		public String otherName() {
			return this.otherName;
		}

	}

	/** No person has that id. */
	public static class PersonNotFound extends RuntimeException {

		public PersonNotFound() {
			super("No such person");
		}

	}

}
