package dev.podsite.episode;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class EpisodeController {

	private final EpisodeCatalog catalog;

	private final People people;

	EpisodeController(EpisodeCatalog catalog, People people) {
		this.catalog = catalog;
		this.people = people;
	}

	/**
	 * The episode list; {@code page} counts from 1 as listeners read it. Any other page
	 * (0, past the last, not a number) is not found, like any address without a page.
	 */
	@GetMapping("/episodes")
	String list(@RequestParam(defaultValue = "1") String page, Model model) {
		if (!page.matches("[0-9]{1,9}") || Integer.parseInt(page) < 1) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}
		int number = Integer.parseInt(page);
		Page<EpisodeSummary> episodes = this.catalog.page(number - 1);
		if (number > 1 && number > episodes.getTotalPages()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}
		model.addAttribute("episodes", episodes);
		model.addAttribute("page", number);
		return "episodes/list";
	}

	@GetMapping("/episodes/{slug}")
	String show(@PathVariable String slug, Model model) {
		EpisodeCatalog.EpisodePage found = this.catalog.find(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No episode " + slug));
		model.addAttribute("episode", found.episode());
		model.addAttribute("previous", found.previous());
		model.addAttribute("next", found.next());
		model.addAttribute("people", this.people.ofEpisode(found.episode().getId()));
		return "episodes/episode";
	}

}
