package dev.podsite.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub hub on 127.0.0.1 for tests: it answers every POST to {@code /hub} with 202 (or
 * the statuses a test asks for first) and keeps each request's form for the test to take.
 */
public final class WebSubHub implements AutoCloseable {

	private final HttpServer server;

	private final BlockingQueue<Map<String, String>> requests = new LinkedBlockingQueue<>();

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private WebSubHub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/hub", (exchange) -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				// The answer is chosen before the test can see the request.
				Integer status = this.statuses.poll();
				if ("POST".equals(exchange.getRequestMethod())) {
					this.requests.add(form(body));
				}
				exchange.sendResponseHeaders((status != null) ? status : 202, -1);
			}
		});
		this.server.start();
	}

	public static WebSubHub start() {
		return new WebSubHub();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hub");
	}

	/**
	 * The next request's form, waiting for it up to {@code seconds}; null if none came.
	 */
	public Map<String, String> next(int seconds) throws InterruptedException {
		return this.requests.poll(seconds, TimeUnit.SECONDS);
	}

	/** Forgets the requests received so far and the statuses not answered yet. */
	public void clear() {
		this.requests.clear();
		this.statuses.clear();
	}

	/** Answers the next requests with these statuses, in order, then 202 again. */
	public void answerNext(int... statuses) {
		for (int status : statuses) {
			this.statuses.add(status);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
