package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the site a test started on a port, over real HTTP.
 */
public final class SiteHttp {

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
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
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

	/** The body of a GET that must answer 200. */
	public byte[] body(String path) {
		HttpResponse<byte[]> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		return response.body();
	}

}
