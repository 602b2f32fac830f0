package dev.podsite.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site's pages as a visitor gets them, through a test's {@link MockMvc}.
 */
public final class Pages {

	private final MockMvc mvc;

	public Pages(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** The HTML of the page at {@code path}, which must answer 200. */
	public String html(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The page at {@code path}, which must answer 200, parsed. */
	public Document page(String path) throws Exception {
		return Jsoup.parse(html(path));
	}

}
