package dev.podsite.web;

import java.util.Locale;

import dev.podsite.show.CurrentShow;
import dev.podsite.show.Show;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the show (null before the first import) and whether it
 * is the demo snapshot, whether the host is signed in, the language of the show's own
 * words (its titles, notes, transcripts) where it is not the interface's, and the
 * subscribe buttons. How imports go is for the host's dashboard alone: a failure's reason
 * names addresses and errors of the server's network.
 */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(SubscribeProperties.class)
class SiteModel {

	private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

	private final CurrentShow show;

	private final SiteProperties site;

	private final SubscribeLinks subscribe;

	SiteModel(CurrentShow show, SiteProperties site, SubscribeProperties subscribe) {
		this.show = show;
		this.site = site;
		this.subscribe = new SubscribeLinks(subscribe, site);
	}

	@ModelAttribute
	void addSite(Model model, Locale locale) {
		Show show = this.show.get().orElse(null);
		model.addAttribute("show", show);
		model.addAttribute("contentLang", contentLanguage(show, locale));
		model.addAttribute("baseUrl", this.site.baseUrl());
		// Read once here: the security dialect's sec:authorize made an evaluation context
		// of its own for each element, a tenth of a page's rendering.
		model.addAttribute("signedIn", signedIn());
		if (show != null) {
			model.addAttribute("subscribe", this.subscribe.of(show.getTitle()));
		}
	}

	/**
	 * Whether the request comes from the signed-in host, who gets the layout's host
	 * links; read where the security filters have set who it is.
	 */
	static boolean signedIn() {
		return SIGNED_IN.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The show's language tag for the elements holding its own words, when it is not the
	 * interface's (a screen reader then reads them with the right voice); null when the
	 * page's own language is right for them, or when the feed names none.
	 */
	private static @Nullable String contentLanguage(@Nullable Show show, Locale locale) {
		String tag = (show != null) ? show.getLanguageTag() : null;
		if (tag == null || Locale.forLanguageTag(tag).getLanguage().equals(locale.getLanguage())) {
			return null;
		}
		return tag;
	}

}
