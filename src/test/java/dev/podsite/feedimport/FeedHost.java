package dev.podsite.feedimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import dev.podsite.support.HostNotice;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A feed host on 127.0.0.1 that misbehaves on request: one path per answer, from a
 * well-served feed to a server that never finishes. Each exchange runs on its own thread,
 * so a hanging answer does not hold the others; closing the host interrupts them.
 */
final class FeedHost implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService exchanges = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private FeedHost() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.exchanges);
		this.server.start();
	}

	static FeedHost start() {
		return new FeedHost();
	}

	/** Answers requests for {@code path} with {@code answer}. */
	FeedHost serve(String path, HttpHandler answer) {
		this.server.createContext(path, (exchange) -> {
			this.requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
			try {
				answer.handle(exchange);
			}
			finally {
				exchange.close();
			}
		});
		return this;
	}

	/** Every request the host received, in order. */
	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** The path of every request the host received, in order. */
	List<String> paths() {
		return this.requests.stream().map(Request::path).toList();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.exchanges.shutdownNow();
	}

	/** 200 with the body and, when not null, the Content-Type. */
	static HttpHandler body(String contentType, byte[] body) {
		return (exchange) -> {
			if (contentType != null) {
				exchange.getResponseHeaders().add("Content-Type", contentType);
			}
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		};
	}

	/** 200 with the body gzip-compressed, as {@code Content-Encoding: gzip}. */
	static HttpHandler gzipped(String contentType, byte[] body) {
		return (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", contentType);
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			byte[] compressed = gzip(body);
			exchange.sendResponseHeaders(200, compressed.length);
			exchange.getResponseBody().write(compressed);
		};
	}

	static HttpHandler status(int status) {
		return (exchange) -> exchange.sendResponseHeaders(status, -1);
	}

	static HttpHandler redirect(int status, String location) {
		return (exchange) -> {
			exchange.getResponseHeaders().add("Location", location);
			exchange.sendResponseHeaders(status, -1);
		};
	}

	/** Sends the headers and the start of a body, then waits without end. */
	static HttpHandler stallsAfter(byte[] start) {
		return (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			exchange.getResponseBody().write(start);
			exchange.getResponseBody().flush();
			sleep(Duration.ofHours(1));
		};
	}

	/** Sends the headers, then one byte every {@code pause}, without end. */
	static HttpHandler trickles(Duration pause) {
		return (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("<rss version=\"2.0\"><channel><title>".getBytes());
			while (!Thread.currentThread().isInterrupted()) {
				out.write('x');
				out.flush();
				sleep(pause);
			}
		};
	}

	/** Waits before sending even the headers. */
	static HttpHandler silentFor(Duration wait, HttpHandler then) {
		return (exchange) -> {
			sleep(wait);
			then.handle(exchange);
		};
	}

	/** A request as the host received it. */
	record Request(String path, Headers headers) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * An SSRF guard that refuses private addresses but takes the host's own, 127.0.0.1,
	 * for a public one: for tests of where a public feed may lead.
	 */
	static PrivateAddressGuard takenForPublic() {
		return new PrivateAddressGuard(false, InetAddress::getAllByName,
				(address) -> (address instanceof Inet4Address && address.getHostAddress().equals("127.0.0.1")) ? null
						: PrivateAddressGuard.internalKind(address));
	}

	/**
	 * An SSRF guard that lets this machine's loopback addresses through and refuses every
	 * other: tests reach their own hosts, never the internet.
	 */
	static PrivateAddressGuard thisMachineOnly() {
		return new PrivateAddressGuard(false, InetAddress::getAllByName, (address) -> address.isLoopbackAddress() ? null
				: HostNotice.verbatim("an address outside this machine, which tests never reach"));
	}

	static byte[] gzip(byte[] body) {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
			out.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return compressed.toByteArray();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
