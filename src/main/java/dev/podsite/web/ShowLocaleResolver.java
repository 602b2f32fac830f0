package dev.podsite.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The interface speaks the show's language (messages_ro for a Romanian show), whatever
 * the browser asks: a public page is rendered once and kept for every visitor
 * (PublicPageCache), and its text must agree with its {@code lang}.
 */
@Component("localeResolver")
class ShowLocaleResolver implements LocaleResolver {

	private final CurrentShow show;

	ShowLocaleResolver(CurrentShow show) {
		this.show = show;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String tag = this.show.get().map(Show::getLanguageTag).orElse(null);
		return (tag != null) ? Locale.forLanguageTag(tag) : Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The show's language decides");
	}

}
