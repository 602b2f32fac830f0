package dev.podsite.episode;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The people's pages. They live with the episodes: people are who the episodes credit,
 * and the pages read the credits through this module's own queries.
 */
@Controller
class PeopleController {

	private final People people;

	private final EpisodeListing listing;

	PeopleController(People people, EpisodeListing listing) {
		this.people = people;
		this.listing = listing;
	}

	@GetMapping("/people")
	String directory(Model model) {
		model.addAttribute("directory", this.people.directory());
		return "people/list";
	}

	/**
	 * A person's page; {@code page} counts their episodes' pages from 1, as on the
	 * episode list. The address of someone merged into another leads to the other's.
	 */
	@GetMapping("/people/{slug}")
	Object person(@PathVariable String slug, @RequestParam(defaultValue = "1") String page, Locale locale,
			Model model) {
		if (!page.matches("[0-9]{1,9}") || Integer.parseInt(page) < 1) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}
		int number = Integer.parseInt(page);
		People.PersonPage found = this.people.find(slug, number - 1).orElse(null);
		if (found == null) {
			return this.people.mergedInto(slug)
				.map(PeopleController::movedTo)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + slug));
		}
		if (number > 1 && number > found.episodes().getTotalPages()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}
		model.addAttribute("person", found.person());
		model.addAttribute("episodes", found.episodes());
		model.addAttribute("listed", this.listing.of(found.episodes().getContent(), locale));
		model.addAttribute("page", number);
		return "people/person";
	}

	private static View movedTo(String slug) {
		RedirectView redirect = new RedirectView("/people/" + slug, true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		// The layout's model (the show) is no query string.
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

}
