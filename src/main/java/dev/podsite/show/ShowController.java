package dev.podsite.show;

import java.util.Locale;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.EpisodeListing;
import dev.podsite.episode.People;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShowController {

	private static final int LATEST = 5;

	private final EpisodeCatalog catalog;

	private final People people;

	private final EpisodeListing listing;

	ShowController(EpisodeCatalog catalog, People people, EpisodeListing listing) {
		this.catalog = catalog;
		this.people = people;
		this.listing = listing;
	}

	/** The show page; the layout's model already holds the show, if there is one yet. */
	@GetMapping("/")
	String show(Locale locale, Model model) {
		if (model.getAttribute("show") == null) {
			return "empty";
		}
		model.addAttribute("latest", this.listing.of(this.catalog.latest(LATEST), locale));
		model.addAttribute("hosts", this.people.hosts());
		return "show";
	}

}
