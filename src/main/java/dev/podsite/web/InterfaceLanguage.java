package dev.podsite.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the site's interface (not of the show, whose titles and notes stay as
 * the feed writes them): {@code podsite.locale} when set, else the language the
 * listener's browser prefers (Accept-Language) among those the site has messages in,
 * English when none. Stateless: nothing is kept in a session or a cookie, so a page in
 * each language can be kept and revalidated like any other.
 */
final class InterfaceLanguage implements LocaleResolver {

	/** The languages the message bundles speak, the default first. */
	static final List<Locale> AVAILABLE = List.of(Locale.ENGLISH, Locale.forLanguageTag("ro"));

	private final @Nullable Locale fixed;

	private final AcceptHeaderLocaleResolver accepted = new AcceptHeaderLocaleResolver();

	InterfaceLanguage(@Nullable Locale fixed) {
		this.fixed = fixed;
		this.accepted.setSupportedLocales(AVAILABLE);
		this.accepted.setDefaultLocale(AVAILABLE.get(0));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return (this.fixed != null) ? this.fixed : this.accepted.resolveLocale(request);
	}

	/** Whether the same address gives pages in different languages (Vary). */
	boolean variesByRequest() {
		return this.fixed == null;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The interface language follows the browser or podsite.locale");
	}

}
