package dev.podsite.web;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.episode.Episode;
import dev.podsite.episode.EpisodeFilter;
import dev.podsite.episode.PersonSummary;
import dev.podsite.show.Show;
import dev.podsite.support.Counts;
import dev.podsite.support.SiteProperties;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Adds each public page's {@link PageMeta} to its model ({@code pageMeta}, which the
 * layout's head writes), from what the page's controller put there: the show, the
 * episode, the person. Pages that fail (not found) get none.
 */
class PageMetadata implements HandlerInterceptor {

	/** How long a description may be: what results and cards show of it. */
	static final int DESCRIPTION_LENGTH = 160;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s,;:.\\-–—]+$");

	private final SiteProperties site;

	private final JsonLd jsonLd;

	private final MessageSource messages;

	// A page may read an older one: each is whole.
	private volatile ShowDescription showDescription = new ShowDescription("", "");

	PageMetadata(SiteProperties site, MessageSource messages) {
		this.site = site;
		this.jsonLd = new JsonLd(site.baseUrl());
		this.messages = messages;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || view.getViewName() == null) {
			return;
		}
		Map<String, Object> model = view.getModel();
		String address = PageAddresses.canonical(request);
		if (!(model.get("show") instanceof Show show) || address == null) {
			return;
		}
		PageMeta meta = meta(view.getViewName(), model, show, this.site.url(address),
				RequestContextUtils.getLocale(request));
		if (meta != null) {
			view.addObject("pageMeta", meta);
		}
	}

	private @Nullable PageMeta meta(String view, Map<String, Object> model, Show show, String url, Locale locale) {
		return switch (view) {
			case "show" -> {
				String description = orElse(showDescription(show), show.getTitle());
				yield new PageMeta(show.getTitle(), description, url, "website", show.getTitle(), show.getImageUrl(),
						null, null, null, this.jsonLd.series(show, description));
			}
			case "episodes/episode" -> episode((Episode) model.get("episode"), show, url, showDescription(show));
			case "episodes/list" -> list(model, show, url, locale);
			case "people/list" -> new PageMeta(message("meta.people.title", locale),
					message("meta.people.description", locale, show.getTitle()), url, "website", show.getTitle(),
					show.getImageUrl(), null, null, null, null);
			case "people/person" -> person(model, show, url, locale);
			default -> null;
		};
	}

	private PageMeta episode(Episode episode, Show show, String url, String showDescription) {
		String description = orElse(cut(episode.getSummary()), orElse(showDescription, episode.getTitle()));
		return new PageMeta(episode.getTitle(), description, url, "article", show.getTitle(),
				(episode.getImageUrl() != null) ? episode.getImageUrl() : show.getImageUrl(), episode.getAudioUrl(),
				(episode.getAudioUrl() != null) ? episode.getAudioType() : null,
				DateTimeFormatter.ISO_INSTANT.format(episode.getPublishedAt().truncatedTo(ChronoUnit.SECONDS)),
				this.jsonLd.episode(episode, show, url, description));
	}

	/** The list, as its heading names it: all episodes, a season, a kind. */
	private PageMeta list(Map<String, Object> model, Show show, String url, Locale locale) {
		EpisodeFilter filter = (EpisodeFilter) model.get("filter");
		int page = (Integer) model.get("page");
		String title;
		String description;
		if (filter.season() != null) {
			String season = filter.season().toString();
			title = message("meta.season.title", locale, season);
			description = message("meta.season.description", locale, season, show.getTitle());
		}
		else if (filter.type() != null) {
			title = message("meta.type." + filter.type().value() + ".title", locale);
			description = message("meta.type." + filter.type().value() + ".description", locale, show.getTitle());
		}
		else {
			title = message("meta.list.title", locale);
			description = message("meta.list.description", locale, show.getTitle());
		}
		return new PageMeta(paged(title, page, locale), description, url, "website", show.getTitle(),
				show.getImageUrl(), null, null, null, null);
	}

	private PageMeta person(Map<String, Object> model, Show show, String url, Locale locale) {
		PersonSummary person = (PersonSummary) model.get("person");
		int page = (Integer) model.get("page");
		long episodes = ((Page<?>) model.get("episodes")).getTotalElements();
		String description = person.roles().isEmpty()
				? message("meta.person.description", locale, person.name(), show.getTitle(), episodes, null,
						Counts.form(episodes))
				: message("meta.person.descriptionWithRoles", locale, person.name(), show.getTitle(), episodes,
						person.roleNames(), Counts.form(episodes));
		return new PageMeta(paged(person.name(), page, locale), description, url, "profile", show.getTitle(),
				(person.imageUrl() != null) ? person.imageUrl() : show.getImageUrl(), null, null, null, null);
	}

	/** A title with its page's number, past the first. */
	private String paged(String title, int page, Locale locale) {
		return (page > 1) ? message("meta.page", locale, title, Integer.toString(page)) : title;
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * The show's description as a line of text, read from its HTML once per description
	 * (a parse of the HTML per page was a twentieth of a rendered page's time).
	 */
	private String showDescription(Show show) {
		ShowDescription last = this.showDescription;
		String html = show.getDescriptionHtml();
		if (!last.html().equals(html)) {
			last = new ShowDescription(html, cut(text(html)));
			this.showDescription = last;
		}
		return last.text();
	}

	/** The text of sanitized HTML, as one line. */
	private static String text(String html) {
		return html.isEmpty() ? "" : Jsoup.parse(html).text();
	}

	/**
	 * At most {@link #DESCRIPTION_LENGTH} characters, cut at a word with "…" when longer.
	 */
	static String cut(String text) {
		String line = SPACES.matcher(text).replaceAll(" ").strip();
		if (line.length() <= DESCRIPTION_LENGTH) {
			return line;
		}
		String cut = line.substring(0, DESCRIPTION_LENGTH - 1);
		int space = cut.lastIndexOf(' ');
		if (space > DESCRIPTION_LENGTH / 2) {
			cut = cut.substring(0, space);
		}
		return END_PUNCTUATION.matcher(cut).replaceAll("") + "…";
	}

	private static String orElse(String text, String fallback) {
		return text.isBlank() ? fallback : text;
	}

	private record ShowDescription(String html, String text) {
	}

}
