package dev.podsite.episode;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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

	private final EpisodeListing listing;

	EpisodeController(EpisodeCatalog catalog, People people, EpisodeListing listing) {
		this.catalog = catalog;
		this.people = people;
		this.listing = listing;
	}

	/**
	 * The episode list; {@code page} counts from 1 as listeners read it. Any other page
	 * (0, past the last, not a number) is not found, like any address without a page.
	 */
	@GetMapping("/episodes")
	String list(@RequestParam(defaultValue = "1") String page, @RequestParam(required = false) @Nullable String season,
			@RequestParam(required = false) @Nullable String type, Locale locale, Model model) {
		int number = number(page, 1);
		EpisodeFilter filter = new EpisodeFilter((season != null) ? number(season, 0) : null,
				(type != null) ? EpisodeType.of(type).orElseThrow(EpisodeController::notFound) : null);
		Page<EpisodeSummary> episodes = this.catalog.page(number - 1, filter);
		if ((number > 1 || !filter.isAll()) && number > episodes.getTotalPages()) {
			throw notFound();
		}
		model.addAttribute("episodes", episodes);
		model.addAttribute("listed", this.listing.of(episodes.getContent(), locale));
		model.addAttribute("page", number);
		model.addAttribute("filter", filter);
		EpisodeCatalog.Kinds kinds = this.catalog.kinds();
		model.addAttribute("seasons", this.listing.seasons(kinds.seasons(), filter.season(), locale));
		model.addAttribute("types", kinds.specialTypes());
		return "episodes/list";
	}

	/**
	 * An episode's page; with {@code t}, its player starts at that moment (a time link).
	 */
	@GetMapping("/episodes/{slug}")
	String show(@PathVariable String slug, @RequestParam(required = false) @Nullable String t, Model model) {
		EpisodeCatalog.EpisodePage found = this.catalog.find(slug).orElseThrow(EpisodeController::notFound);
		Episode episode = found.episode();
		Long start = TimeLinks.seconds(t);
		if (start != null && episode.getDurationSeconds() != null && start > episode.getDurationSeconds()) {
			start = null;
		}
		model.addAttribute("episode", episode);
		model.addAttribute("start", start);
		model.addAttribute("notes", TimeLinks.linkTimestamps(episode.getNotesHtml(), "/episodes/" + episode.getSlug(),
				episode.getDurationSeconds()));
		model.addAttribute("timeline", found.timeline());
		// The gathered links add something only where the notes do not list them already.
		model.addAttribute("allLinks",
				EpisodeNotes.listsLinks(episode.getNotesHtml()) ? List.of() : episode.getLinks());
		model.addAttribute("previous", found.previous());
		model.addAttribute("next", found.next());
		model.addAttribute("people", this.people.ofEpisode(found.episode().getId()));
		return "episodes/episode";
	}

	/** A number of at least {@code least}, written plainly; anything else is no page. */
	private static int number(String text, int least) {
		if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < least) {
			throw notFound();
		}
		return Integer.parseInt(text);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
	}

}
