package dev.podsite.episode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A person as listeners see them: their name, picture, link and roles, from the show's
 * credits and those of the published episodes.
 *
 * @param imageUrl the picture the show credits them with, else the one of their newest
 * episode that has one
 * @param href their link, found the same way
 * @param roles what they were credited as, the host first ({@code podcast:person}'s role
 * is "host" when the feed does not say)
 * @param episodes how many published episodes credit them
 */
public record PersonSummary(String slug, String name, @Nullable String imageUrl, @Nullable String href,
		List<String> roles, int episodes) {

	/** The roles as a listener reads them, e.g. "Host, guest". */
	public String roleNames() {
		String names = String.join(", ", this.roles);
		return names.isEmpty() ? names : names.substring(0, 1).toUpperCase(Locale.ROOT) + names.substring(1);
	}

	/**
	 * The link as a short text: its host and path, e.g. "orhun.dev" or
	 * "github.com/orhun".
	 */
	public @Nullable String linkText() {
		if (this.href == null) {
			return null;
		}
		try {
			URI uri = new URI(this.href);
			if (uri.getHost() == null) {
				return this.href;
			}
			String path = (uri.getRawPath() != null) ? uri.getRawPath().replaceFirst("/+$", "") : "";
			return uri.getHost().replaceFirst("^www\\.", "") + path;
		}
		catch (URISyntaxException ex) {
			return this.href;
		}
	}

	/** The first letter of the name, for a person without a picture. */
	public String initial() {
		return new String(Character.toChars(this.name.codePointAt(0))).toUpperCase(Locale.ROOT);
	}

}
