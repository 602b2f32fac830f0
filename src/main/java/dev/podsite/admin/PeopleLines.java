package dev.podsite.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.podsite.episode.Person;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

/**
 * The people of an episode as the host writes them, one per line:
 * {@code Name | role | https://link}, the role and the link optional (a missing role
 * means host, as {@code podcast:person} has it).
 */
final class PeopleLines {

	/** More than any episode credits. */
	static final int MOST = 100;

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"|]+");

	private PeopleLines() {
	}

	/** The lines of these people, as the form shows them. */
	static String format(List<Person> people) {
		List<String> lines = new ArrayList<>();
		for (Person person : people) {
			String line = person.name();
			if (person.role() != null || person.href() != null) {
				line += " | " + ((person.role() != null) ? person.role() : "");
			}
			if (person.href() != null) {
				line += " | " + person.href();
			}
			lines.add(line);
		}
		return String.join("\n", lines);
	}

	/** The people of the lines, or what is wrong with them. */
	static Parsed parse(@Nullable String text) {
		List<Person> people = new ArrayList<>();
		List<HostNotice> problems = new ArrayList<>();
		if (text == null) {
			return new Parsed(people, problems);
		}
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			String name = parts[0].strip().replaceAll("\\s+", " ");
			String role = (parts.length > 1) ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
			String link = (parts.length > 2) ? parts[2].strip() : "";
			if (parts.length > 3) {
				problems.add(HostNotice.of("people.line.tooManyParts", i + 1));
			}
			else if (name.isEmpty()) {
				problems.add(HostNotice.of("people.line.noName", i + 1));
			}
			else if (name.length() > 200 || role.length() > 100) {
				problems.add(HostNotice.of("people.line.tooLong", i + 1, 200, 100));
			}
			else if (!link.isEmpty() && (!LINK.matcher(link).matches() || link.length() > 2000)) {
				problems.add(HostNotice.of("people.line.link", i + 1));
			}
			else {
				people.add(new Person(name, role.isEmpty() ? null : role, null, null, link.isEmpty() ? null : link));
			}
		}
		if (people.size() > MOST) {
			problems.add(HostNotice.of("people.tooMany", MOST));
		}
		return new Parsed(people, problems);
	}

	/** The people read, and a sentence for each line that could not be. */
	record Parsed(List<Person> people, List<HostNotice> problems) {

		/** All the problems as one notice, for the form's field. */
		@Nullable HostNotice problem() {
			HostNotice all = null;
			for (HostNotice problem : this.problems) {
				all = (all != null) ? HostNotice.of("people.problems.then", all, problem) : problem;
			}
			return all;
		}

	}

}
