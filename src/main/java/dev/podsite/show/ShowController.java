package dev.podsite.show;

import dev.podsite.episode.EpisodeCatalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ShowController {

	private static final int LATEST = 5;

	private final EpisodeCatalog catalog;

	ShowController(EpisodeCatalog catalog) {
		this.catalog = catalog;
	}

	/** The show page; the layout's model already holds the show, if there is one yet. */
	@GetMapping("/")
	String show(Model model) {
		if (model.getAttribute("show") == null) {
			return "empty";
		}
		model.addAttribute("latest", this.catalog.latest(LATEST));
		return "show";
	}

}
