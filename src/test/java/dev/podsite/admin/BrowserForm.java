package dev.podsite.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A form read from a page and submitted as a browser would: every field with its value
 * (hidden ones and the CSRF token too, checked boxes only), with the changes a test types
 * in.
 */
final class BrowserForm {

	private final String action;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private BrowserForm(Element form) {
		this.action = form.attr("action");
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String type = input.attr("type");
			if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
				continue;
			}
			String value = switch (input.tagName()) {
				case "textarea" -> input.wholeText().replaceFirst("^\n", "");
				case "select" -> {
					Element selected = input.selectFirst("option[selected]");
					yield (selected != null) ? selected.attr("value") : input.select("option").first().attr("value");
				}
				default -> input.attr("value");
			};
			this.fields.put(input.attr("name"), value);
		}
	}

	/** The form of the page whose action ends with {@code actionEnd}. */
	static BrowserForm of(String html, String actionEnd) {
		Element form = Jsoup.parse(html)
			.select("form")
			.stream()
			.filter((candidate) -> candidate.attr("action").endsWith(actionEnd))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form posting to …" + actionEnd + " in " + html));
		return new BrowserForm(form);
	}

	BrowserForm set(String name, String value) {
		this.fields.put(name, value);
		return this;
	}

	/** Unchecks a checkbox. */
	BrowserForm clear(String name) {
		this.fields.remove(name);
		return this;
	}

	String get(String name) {
		return this.fields.get(name);
	}

	String action() {
		return this.action;
	}

	/** The fields as a browser posts them: application/x-www-form-urlencoded. */
	String encoded() {
		return this.fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	MockHttpServletRequestBuilder submit() {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.action);
		this.fields.forEach(request::param);
		return request;
	}

}
