package dev.podsite.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie over real HTTP: a new session id at sign-in (no fixation), HttpOnly
 * and SameSite always, Secure behind an HTTPS proxy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void signingInGivesANewSessionId() throws Exception {
		HttpResponse<String> login = get("/login", "http");
		String before = cookie(login);
		String token = match(CSRF, login.body());

		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + before)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=host&password="
					+ URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8) + "&_csrf=" + token))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin"));
		String after = cookie(signedIn);
		assertThat(after).isNotEqualTo(before);

		HttpResponse<String> admin = this.http.send(
				HttpRequest.newBuilder(uri("/admin")).header("Cookie", "SESSION=" + after).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(200);
		HttpResponse<String> stale = this.http.send(
				HttpRequest.newBuilder(uri("/admin")).header("Cookie", "SESSION=" + before).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stale.statusCode()).as("the session id from before sign-in grants nothing").isEqualTo(302);
	}

	@Test
	void theCookieIsHttpOnlyAndSameSiteAndSecureBehindHttps() throws Exception {
		String plain = setCookie(get("/login", "http"));
		assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		String behindHttps = setCookie(get("/login", "https"));
		assertThat(behindHttps).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-Proto", forwardedProto).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String setCookie(HttpResponse<?> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter((cookie) -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
	}

	private static String cookie(HttpResponse<?> response) {
		return match(SESSION, setCookie(response));
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
		return matcher.group(1);
	}

}
