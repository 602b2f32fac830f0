package dev.podsite.search;

import java.util.List;

/**
 * A page of search results: the hits, how many episodes match in all, whether the text
 * had a word to search (not only operators or stop words), and the titles and names near
 * it when nothing matched.
 */
public record SearchResults(List<SearchHit> hits, long total, boolean hasWords, List<String> suggestions) {

	static SearchResults noWords() {
		return new SearchResults(List.of(), 0, false, List.of());
	}

	public int totalPages() {
		return (int) ((this.total + EpisodeSearch.PAGE_SIZE - 1) / EpisodeSearch.PAGE_SIZE);
	}

}
