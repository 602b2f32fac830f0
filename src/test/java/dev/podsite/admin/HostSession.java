package dev.podsite.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser of the host's over real HTTP: it keeps its cookies (the session, the device
 * cookie), reads forms from pages and posts them with their CSRF token, and does not
 * follow redirects, so tests see them.
 */
final class HostSession {

	static final String USERNAME = "host";

	static final String PASSWORD = "correct horse battery staple";

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final String origin;

	private String[] headers = {};

	HostSession(int port) {
		this.origin = "http://localhost:" + port;
	}

	/**
	 * From now on, requests come from {@code address}, as the site's proxy on loopback
	 * (trusted by default) says in X-Forwarded-For.
	 */
	HostSession from(String address) {
		this.headers = new String[] { "X-Forwarded-For", address };
		return this;
	}

	/** From now on, requests ask for pages in {@code language}, as Accept-Language. */
	HostSession withLanguage(String language) {
		String[] more = java.util.Arrays.copyOf(this.headers, this.headers.length + 2);
		more[this.headers.length] = "Accept-Language";
		more[this.headers.length + 1] = language;
		this.headers = more;
		return this;
	}

	/** Signs in through the sign-in form; answers the form's answer (a redirect). */
	HttpResponse<String> signIn(String username, String password) {
		BrowserForm form = form("/login", "/login").set("username", username).set("password", password);
		return post(form.action(), form.encoded());
	}

	HttpResponse<String> signIn() {
		return signIn(USERNAME, PASSWORD);
	}

	/** The form of the page at {@code path} whose action ends with {@code actionEnd}. */
	BrowserForm form(String path, String actionEnd) {
		return BrowserForm.of(get(path).body(), actionEnd);
	}

	HttpResponse<String> submit(BrowserForm form) {
		return post(form.action(), form.encoded());
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** Posts a form to {@code path}, spelled as given (a test may encode its letters). */
	HttpResponse<String> post(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.origin + path));
		if (this.headers.length > 0) {
			request.headers(this.headers);
		}
		return request;
	}

	/** The value of a cookie this browser holds, if it holds one. */
	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Gives this browser a cookie, as another browser's copy of it. */
	void setCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.origin), cookie);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
