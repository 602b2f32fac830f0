package dev.podsite.feedimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Fetches a feed over http(s) or from a file named in the configuration, within time and
 * size limits.
 */
@Component
class FeedFetcher {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		// Redirects are followed here, so each hop is counted and checked.
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final long maxBytes;

	private final String userAgent;

	FeedFetcher(FeedImportProperties properties, @Value("${podsite.base-url}") String baseUrl) {
		this.maxBytes = properties.maxBytes().toBytes();
		this.userAgent = "Podsite/1.0 (+" + baseUrl + ")";
	}

	FetchedFeed fetch(URI url) throws FeedImportException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		return switch (scheme) {
			case "http", "https" -> fetchHttp(url);
			case "file" -> fetchFile(url);
			default -> throw new FeedImportException("The feed URL " + url + " is not an http, https or file URL.");
		};
	}

	private FetchedFeed fetchFile(URI url) throws FeedImportException {
		// file:feeds/show.xml (relative to the working directory) as well as
		// file:///abs/show.xml
		Path path = url.isOpaque() ? Path.of(url.getSchemeSpecificPart()) : Path.of(url);
		try (InputStream in = Files.newInputStream(path)) {
			return new FetchedFeed(url, readLimited(in, url), null);
		}
		catch (NoSuchFileException ex) {
			throw new FeedImportException("The feed file " + path + " does not exist.", ex);
		}
		catch (IOException ex) {
			throw new FeedImportException("The feed file " + path + " could not be read: " + ex.getMessage(), ex);
		}
	}

	private FetchedFeed fetchHttp(URI url) throws FeedImportException {
		URI current = url;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpResponse<InputStream> response = send(current);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElse(null);
				closeQuietly(response.body());
				if (location == null) {
					throw new FeedImportException(
							"The feed at " + current + " answered " + status + " without saying where to go.");
				}
				current = current.resolve(location.trim());
				continue;
			}
			if (status != 200) {
				closeQuietly(response.body());
				throw new FeedImportException("The feed at " + current + " answered " + status + " ("
						+ reasonPhrase(status) + ") instead of the feed.");
			}
			String contentType = response.headers().firstValue("Content-Type").orElse(null);
			String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
			try (InputStream body = decoded(response.body(), encoding)) {
				return new FetchedFeed(current, readLimited(body, current), contentType);
			}
			catch (HttpTimeoutException ex) {
				throw timedOut(current, ex);
			}
			catch (IOException ex) {
				throw new FeedImportException("Reading the feed at " + current + " failed: " + ex.getMessage(), ex);
			}
		}
		throw new FeedImportException("The feed at " + url + " redirects more than " + MAX_REDIRECTS + " times.");
	}

	private HttpResponse<InputStream> send(URI url) throws FeedImportException {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(READ_TIMEOUT)
			.header("User-Agent", this.userAgent)
			.header("Accept",
					"application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
			.header("Accept-Encoding", "gzip, deflate")
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw timedOut(url, ex);
		}
		catch (ConnectException ex) {
			if (ex.getCause() instanceof UnresolvedAddressException) {
				throw new FeedImportException("The feed's host " + url.getHost() + " could not be found (DNS), so the"
						+ " feed at " + url + " could not be fetched.", ex);
			}
			throw new FeedImportException("Could not connect to " + url.getHost() + " to fetch the feed at " + url
					+ " (" + describe(ex) + ").", ex);
		}
		catch (IOException ex) {
			throw new FeedImportException("Fetching the feed at " + url + " failed: " + describe(ex) + ".", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedImportException("Fetching the feed at " + url + " was interrupted.", ex);
		}
	}

	private static FeedImportException timedOut(URI url, Exception cause) {
		return new FeedImportException(
				"The feed at " + url + " did not answer within " + READ_TIMEOUT.toSeconds() + " seconds.", cause);
	}

	private static String reasonPhrase(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "unknown status";
	}

	private static String describe(IOException ex) {
		Throwable cause = ex;
		while (cause.getMessage() == null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/** HttpClient does not decompress: do it here, and count the decoded bytes. */
	private static InputStream decoded(InputStream body, String encoding) throws IOException {
		return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
			case "gzip", "x-gzip" -> new GZIPInputStream(body);
			case "deflate" -> new InflaterInputStream(body);
			default -> body;
		};
	}

	private byte[] readLimited(InputStream in, URI url) throws IOException, FeedImportException {
		LimitedInputStream limited = new LimitedInputStream(in, this.maxBytes);
		byte[] body = limited.readAllBytes();
		if (limited.exceeded()) {
			throw new FeedImportException("The feed at " + url + " is larger than " + (this.maxBytes / (1024 * 1024))
					+ " MB, the most the site accepts (podsite.feed.max-bytes).");
		}
		return body;
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// nothing to lose: the body was not wanted
		}
	}

	/** Stops reading one byte past the limit, so a huge body is never held whole. */
	private static final class LimitedInputStream extends FilterInputStream {

		private long remaining;

		private boolean exceeded;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.remaining = limit + 1;
		}

		boolean exceeded() {
			return this.exceeded;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				this.exceeded = true;
				return -1;
			}
			int b = super.read();
			if (b >= 0 && --this.remaining == 0) {
				this.exceeded = true;
			}
			return (this.exceeded) ? -1 : b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				this.exceeded = true;
				return -1;
			}
			int n = super.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (n > 0) {
				this.remaining -= n;
				if (this.remaining == 0) {
					this.exceeded = true;
					return -1;
				}
			}
			return n;
		}

	}

}
