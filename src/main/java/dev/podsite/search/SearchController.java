package dev.podsite.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class SearchController {

	private final KeptSearches search;

	SearchController(KeptSearches search) {
		this.search = search;
	}

	/**
	 * The search page: without a text, the form alone; else a page of results, counted
	 * from 1 like the episode list (any other page is not found).
	 */
	@GetMapping("/search")
	String search(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") String page,
			Model model) {
		String text = SearchText.spelling(q);
		int number = Pages.number(page);
		model.addAttribute("searchText", text);
		model.addAttribute("shortened", SearchText.shortened(text));
		model.addAttribute("maxLength", SearchText.MAX_LENGTH);
		if (text == null) {
			return "search/search";
		}
		SearchResults results = this.search.search(text, number - 1);
		if (number > 1 && number > results.totalPages()) {
			throw Pages.notFound();
		}
		model.addAttribute("results", results);
		model.addAttribute("page", number);
		model.addAttribute("previous", (number > 1) ? href("/search", text, number - 1) : null);
		model.addAttribute("next", (number < results.totalPages()) ? href("/search", text, number + 1) : null);
		return "search/search";
	}

	/** The address of a page of a search, spelled as PageAddresses keeps it. */
	static String href(String path, String text, int page) {
		return path + "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + ((page > 1) ? "&page=" + page : "");
	}

	/** Page numbers as the episode list reads them. */
	static final class Pages {

		private Pages() {
		}

		static int number(String text) {
			if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
				throw notFound();
			}
			return Integer.parseInt(text);
		}

		static ResponseStatusException notFound() {
			return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such page");
		}

	}

}
