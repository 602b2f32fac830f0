package dev.podsite.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Requests to the site a test started on a port, over real HTTP.
 */
public final class SiteHttp {

	// From src/test/resources/config/application.properties.
	public static final String USERNAME = "host";

	public static final String PASSWORD = "correct horse battery staple";

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String origin;

	public SiteHttp(int port) {
		this.origin = "http://localhost:" + port;
	}

	public String url(String path) {
		return this.origin + path;
	}

	/** GET with the given header names and values, in pairs. */
	public HttpResponse<byte[]> get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url(path))), headers);
	}

	/** POST of a form, with the given header names and values, in pairs. */
	public HttpResponse<byte[]> post(String path, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	/**
	 * POST of a multipart form as a browser sends a file input: the fields, then the file
	 * under {@code fileField}; with the given header names and values, in pairs.
	 */
	public HttpResponse<byte[]> postFile(String path, Map<String, String> fields, String fileField, String fileName,
			String contentType, byte[] content, String... headers) {
		String boundary = "----podsite" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
	}

	/** The CSRF token of the first form of a page. */
	public static String csrfToken(byte[] page) {
		return match(CSRF, new String(page, StandardCharsets.UTF_8));
	}

	/**
	 * Fills in the sign-in form as a browser would (its session and CSRF token), with the
	 * given extra header names and values, in pairs; answers the form's response.
	 */
	public HttpResponse<byte[]> signIn(String username, String password, String... headers) {
		HttpResponse<byte[]> form = get("/login", headers);
		String session = match(SESSION, String.join("\n", form.headers().allValues("Set-Cookie")));
		String token = match(CSRF, new String(form.body(), StandardCharsets.UTF_8));
		String[] withCookie = new String[headers.length + 2];
		System.arraycopy(headers, 0, withCookie, 0, headers.length);
		withCookie[headers.length] = "Cookie";
		withCookie[headers.length + 1] = "SESSION=" + session;
		return post("/login", Map.of("username", username, "password", password, "_csrf", token), withCookie);
	}

	/** The host's session: the value of a Cookie header that reaches /admin. */
	public String hostSession() {
		HttpResponse<byte[]> signedIn = signIn(USERNAME, PASSWORD);
		if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/admin")) {
			throw new AssertionError("Signing in answered " + signedIn.statusCode());
		}
		return "SESSION=" + match(SESSION, String.join("\n", signedIn.headers().allValues("Set-Cookie")));
	}

	/** The body of a GET that must answer 200. */
	public byte[] body(String path) {
		HttpResponse<byte[]> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

}
