package dev.podsite.search;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LinksController {

	private final LinkIndex links;

	LinksController(LinkIndex links) {
		this.links = links;
	}

	/**
	 * Every link the notes mention, by site; with {@code q}, the links whose site,
	 * address or text holds it. Pages count from 1; any other page is not found.
	 */
	@GetMapping("/links")
	String links(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") String page,
			Model model) {
		String text = SearchText.spelling(q);
		int number = SearchController.Pages.number(page);
		LinkIndex.LinkPage found = this.links.page(text, number - 1);
		if (number > 1 && number > found.totalPages()) {
			throw SearchController.Pages.notFound();
		}
		model.addAttribute("linksText", text);
		model.addAttribute("links", found);
		model.addAttribute("page", number);
		model.addAttribute("previous", (number > 1) ? href(text, number - 1) : null);
		model.addAttribute("next", (number < found.totalPages()) ? href(text, number + 1) : null);
		return "search/links";
	}

	private static String href(@Nullable String text, int page) {
		if (text != null) {
			return SearchController.href("/links", text, page);
		}
		return (page > 1) ? "/links?page=" + page : "/links";
	}

}
