package dev.podsite.show;

import dev.podsite.episode.EpisodeCatalog;
import dev.podsite.episode.People;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShowController {

	private static final int LATEST = 5;

	private final EpisodeCatalog catalog;

	private final People people;

	ShowController(EpisodeCatalog catalog, People people) {
		this.catalog = catalog;
		this.people = people;
	}

	/** The show page; the layout's model already holds the show, if there is one yet. */
	@GetMapping("/")
	String show(Model model) {
		if (model.getAttribute("show") == null) {
			return "empty";
		}
		model.addAttribute("latest", this.catalog.latest(LATEST));
		model.addAttribute("hosts", this.people.hosts());
		return "show";
	}

}
