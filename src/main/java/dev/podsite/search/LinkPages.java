package dev.podsite.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The addresses of the pages of /links, for the sitemap: {@code /links}, then
 * {@code /links?page=2} and on, as PageAddresses spells them.
 */
@Service
public class LinkPages {

	private final LinkIndex links;

	LinkPages(LinkIndex links) {
		this.links = links;
	}

	public List<String> paths() {
		int pages = Math.max(1, this.links.page(null, 0).totalPages());
		List<String> paths = new ArrayList<>(pages);
		paths.add("/links");
		for (int page = 2; page <= pages; page++) {
			paths.add("/links?page=" + page);
		}
		return paths;
	}

}
