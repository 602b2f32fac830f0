package dev.podsite.feedimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import dev.podsite.support.SiteProperties;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches a feed over http(s) or from a file named in the configuration, and the files
 * its items point to over http(s) only, within time and size limits: one deadline for the
 * whole answer, the size counted after decompression, every redirect's address checked.
 */
@Component
class FeedFetcher {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** The whole fetch: every redirect, the headers and the last byte of the body. */
	private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);

	private static final Set<Integer> NAMED_STATUSES = Set.of(400, 401, 403, 404, 405, 406, 408, 410, 429, 500, 501,
			502, 503, 504);

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http;

	private final Duration totalTimeout;

	private final FetchTarget feed;

	private final String userAgent;

	private final PrivateAddressGuard guard;

	@Autowired
	FeedFetcher(FeedImportProperties properties, SiteProperties site) {
		this(properties, site.baseUrl(), CONNECT_TIMEOUT, TOTAL_TIMEOUT);
	}

	/** With other time limits, for tests that cannot wait half a minute. */
	FeedFetcher(FeedImportProperties properties, String baseUrl, Duration connectTimeout, Duration totalTimeout) {
		this(properties, baseUrl, connectTimeout, totalTimeout,
				new PrivateAddressGuard(properties.allowPrivateAddresses()));
	}

	/** With another guard, for tests that take a local host for a public one. */
	FeedFetcher(FeedImportProperties properties, String baseUrl, Duration connectTimeout, Duration totalTimeout,
			PrivateAddressGuard guard) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			// Redirects are followed here, so each hop is counted and checked.
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.totalTimeout = totalTimeout;
		this.feed = FetchTarget.feed(properties.maxBytes().toBytes());
		this.userAgent = "Podsite/1.0 (+" + baseUrl + ")";
		this.guard = guard;
	}

	FetchedFeed fetch(URI url) throws FeedImportException {
		return fetch(url, null);
	}

	FetchedFeed fetch(URI url, FeedState.@Nullable Validators validators) throws FeedImportException {
		return fetch(url, validators, ImportBudget.unlimited());
	}

	/**
	 * Fetches the feed; with validators, as a conditional GET that a source may answer
	 * with 304 Not Modified. The fetch ends with the import's budget if that ends first.
	 */
	FetchedFeed fetch(URI url, FeedState.@Nullable Validators validators, ImportBudget budget)
			throws FeedImportException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		return switch (scheme) {
			case "http", "https" -> fetchHttp(url, this.feed, validators, budget);
			case "file" -> fetchFile(url);
			default -> throw new FeedImportException(HostNotice.of("fetch.feedUrlScheme", url));
		};
	}

	/**
	 * Fetches a file an item points to, from an http or https address only, as the feed
	 * is fetched: conditionally with validators, within what is left of {@code budget}.
	 */
	FetchedFeed fetchWeb(URI url, FetchTarget target, FeedState.@Nullable Validators validators, ImportBudget budget)
			throws FeedImportException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new FeedImportException(HostNotice.of("fetch.notWeb", target.at(url)));
		}
		return fetchHttp(url, target, validators, budget);
	}

	/**
	 * Refuses an address a feed names for itself (a new address, its next page) unless
	 * the feed could be fetched from it: http or https, and a public host.
	 * @param subject what names the address, for the refusal
	 */
	void checkWebAddress(URI url, HostNotice subject) throws FeedImportException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if ((!scheme.equals("http") && !scheme.equals("https")) || url.getHost() == null) {
			throw new FeedImportException(HostNotice.of("fetch.notWeb", subject));
		}
		this.guard.check(url, subject, this.feed);
	}

	/**
	 * Fetches a later page of the feed (RFC 5005): from the web only, as the first page,
	 * and never conditionally.
	 */
	FetchedFeed fetchPage(URI url, ImportBudget budget) throws FeedImportException {
		checkWebAddress(url, HostNotice.of("fetch.at.page", url));
		return fetchHttp(url, this.feed, null, budget);
	}

	private FetchedFeed fetchFile(URI url) throws FeedImportException {
		// file:feeds/show.xml (relative to the working directory) as well as
		// file:///abs/show.xml
		Path path = url.isOpaque() ? Path.of(url.getSchemeSpecificPart()) : Path.of(url);
		try (InputStream in = Files.newInputStream(path)) {
			return new FetchedFeed(url, readLimited(in, url, this.feed), null);
		}
		catch (NoSuchFileException ex) {
			throw new FeedImportException(HostNotice.of("fetch.fileMissing", path), ex);
		}
		catch (IOException ex) {
			throw new FeedImportException(HostNotice.of("fetch.fileUnreadable", path, describe(ex)), ex);
		}
	}

	private FetchedFeed fetchHttp(URI url, FetchTarget target, FeedState.@Nullable Validators validators,
			ImportBudget budget) throws FeedImportException {
		Duration left = budget.remaining();
		FetchDeadline deadline = FetchDeadline
			.after((left.compareTo(this.totalTimeout) < 0) ? left : this.totalTimeout);
		URI current = url;
		// Only permanent redirects from the address asked for move it: a 302 or 307 on
		// the
		// way, and the hops after it are for this fetch only.
		FetchedFeed.PermanentRedirect movedTo = null;
		boolean permanentSoFar = true;
		this.guard.check(url, target.at(url), target);
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpResponse<InputStream> response = send(current, target, deadline, validators, budget);
			int status = response.statusCode();
			String etag = response.headers().firstValue("ETag").orElse(null);
			String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
			if (status == 304 && validators != null) {
				closeQuietly(response.body());
				return FetchedFeed.notModified(current, (etag != null) ? etag : validators.etag(),
						(lastModified != null) ? lastModified : validators.lastModified(), movedTo);
			}
			if (status >= 300 && status < 400 && status != 304) {
				String location = response.headers().firstValue("Location").orElse(null);
				closeQuietly(response.body());
				URI from = current;
				current = redirectTarget(from, target, status, location);
				if (hop < MAX_REDIRECTS) {
					this.guard.check(current, HostNotice.of("fetch.redirectsTo", target.at(from), current), target);
				}
				permanentSoFar = permanentSoFar && (status == 301 || status == 308);
				if (permanentSoFar) {
					movedTo = new FetchedFeed.PermanentRedirect(current, status);
				}
				continue;
			}
			if (status != 200) {
				closeQuietly(response.body());
				throw new FeedImportException(HostNotice.of("fetch.answered", target.at(current),
						String.valueOf(status), statusClass(status), target.what()), status);
			}
			String contentType = response.headers().firstValue("Content-Type").orElse(null);
			String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
			// The client's own timeout ends with the headers: a server that trickles
			// the body would hold the import, and every later one, as long as it likes.
			try (FetchDeadline.Watch watch = deadline.closeWhenOver(response.body());
					InputStream body = decoded(response.body(), encoding)) {
				byte[] bytes = readLimited(body, current, target);
				if (!watch.finishedInTime()) {
					throw timedOut(current, target, budget, null);
				}
				return new FetchedFeed(current, bytes, contentType, etag, lastModified, false, movedTo);
			}
			catch (IOException ex) {
				if (deadline.isOver()) {
					throw timedOut(current, target, budget, ex);
				}
				throw new FeedImportException(HostNotice.of("fetch.readFailed", target.the(current), describe(ex)), ex);
			}
		}
		throw new FeedImportException(HostNotice.of("fetch.tooManyRedirects", target.at(url), MAX_REDIRECTS));
	}

	/**
	 * Where a redirect leads: a web address only, never a local file or another scheme.
	 */
	private static URI redirectTarget(URI from, FetchTarget target, int status, @Nullable String location)
			throws FeedImportException {
		if (location == null || location.isBlank()) {
			throw new FeedImportException(
					HostNotice.of("fetch.redirectNowhere", target.at(from), String.valueOf(status)));
		}
		URI to;
		try {
			to = from.resolve(location.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new FeedImportException(HostNotice.of("fetch.redirectInvalid", target.at(from), location.strip()),
					ex);
		}
		String scheme = (to.getScheme() != null) ? to.getScheme().toLowerCase(Locale.ROOT) : "";
		if ((!scheme.equals("http") && !scheme.equals("https")) || to.getHost() == null) {
			throw new FeedImportException(HostNotice.of("fetch.redirectNotWeb", target.at(from), to));
		}
		return to;
	}

	private HttpResponse<InputStream> send(URI url, FetchTarget target, FetchDeadline deadline,
			FeedState.@Nullable Validators validators, ImportBudget budget) throws FeedImportException {
		Duration remaining = deadline.remaining();
		if (remaining.isZero()) {
			throw timedOut(url, target, budget, null);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(remaining)
			.header("User-Agent", this.userAgent)
			.header("Accept", target.accept())
			.header("Accept-Encoding", "gzip, deflate")
			.GET();
		if (validators != null && validators.etag() != null) {
			request.header("If-None-Match", validators.etag());
		}
		if (validators != null && validators.lastModified() != null) {
			request.header("If-Modified-Since", validators.lastModified());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw timedOut(url, target, budget, ex);
		}
		catch (ConnectException ex) {
			// HttpClient wraps the resolver's failure in one or two ConnectExceptions.
			if (hasCause(ex, UnresolvedAddressException.class) || hasCause(ex, UnknownHostException.class)) {
				throw unknownHost(url, target, ex);
			}
			throw new FeedImportException(
					HostNotice.of("fetch.connectFailed", url.getHost(), target.the(url), describe(ex)), ex);
		}
		catch (IOException ex) {
			throw new FeedImportException(HostNotice.of("fetch.failed", target.the(url), describe(ex)), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedImportException(HostNotice.of("fetch.interrupted", target.the(url)), ex);
		}
	}

	/**
	 * @param target what was to be fetched: the feed, a transcript
	 */
	static FeedImportException unknownHost(URI url, FetchTarget target, Exception cause) {
		return new FeedImportException(
				HostNotice.of("fetch.unknownHost." + target.key(), url.getHost(), target.the(url)), cause);
	}

	private FeedImportException timedOut(URI url, FetchTarget target, ImportBudget budget, @Nullable Exception cause) {
		if (budget.isOver()) {
			return budget.exceeded(cause);
		}
		return new FeedImportException(
				HostNotice.of("fetch.timedOut", target.at(url), FetchDeadline.inWords(this.totalTimeout)), cause);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What a status says: its name for the statuses feeds' servers answer most, else its
	 * class (fetch.status.*, in the reader's language).
	 */
	private static HostNotice statusClass(int status) {
		if (NAMED_STATUSES.contains(status)) {
			return HostNotice.of("fetch.status." + status);
		}
		return HostNotice.of("fetch.status." + ((status >= 100 && status < 600) ? (status / 100) + "xx" : "other"));
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

	private static byte[] readLimited(InputStream in, URI url, FetchTarget target)
			throws IOException, FeedImportException {
		LimitedInputStream limited = new LimitedInputStream(in, target.maxBytes());
		byte[] body = limited.readAllBytes();
		if (limited.exceeded()) {
			throw new FeedImportException(
					HostNotice.of("fetch.tooLarge", target.at(url), target.maxSize(), target.maxBytesProperty()));
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
