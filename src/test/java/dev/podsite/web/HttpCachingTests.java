package dev.podsite.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.SiteHttp;
import dev.podsite.support.TestEpisodes;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Public pages revalidate with ETags, and are compressed once per change in each coding;
 * the stylesheet is versioned and kept a year; the host's pages are never stored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class HttpCachingTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		new SiteData(this.context).store(TestEpisodes.show("Launched"), TestEpisodes.large(36));
	}

	@Test
	void aFeedReaderKeepsItsConnectionForHundredsOfRequests() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
			for (int i = 1; i <= 300; i++) {
				out.write("GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				List<String> head = new ArrayList<>();
				for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
					head.add(line.toLowerCase(Locale.ROOT));
				}
				assertThat(head.get(0)).as("request %d", i).startsWith("http/1.1 200");
				// Tomcat's default closes a connection after its 100th request.
				assertThat(head).as("request %d", i).doesNotContain("connection: close");
				int length = head.stream()
					.filter((header) -> header.startsWith("content-length:"))
					.map((header) -> Integer.parseInt(header.substring(15).strip()))
					.findFirst()
					.orElseThrow();
				in.readFully(new byte[length]);
			}
		}
	}

	private static String readLine(DataInputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("The connection closed");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Test
	void publicPagesAnswerARevalidationWith304() {
		SiteHttp site = new SiteHttp(this.port);
		for (String path : new String[] { "/", "/episodes", "/episodes?page=2",
				"/episodes/episode-20-rust-at-scale-part-20" }) {
			HttpResponse<byte[]> page = site.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
			String etag = page.headers().firstValue("ETag").orElseThrow();
			HttpResponse<byte[]> again = site.get(path, "If-None-Match", etag);
			assertThat(again.statusCode()).as(path).isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
	}

	@Test
	void keptPagesAreCompressedOnceAndEachCodingRevalidates() throws Exception {
		SiteHttp site = new SiteHttp(this.port);
		for (String path : new String[] { "/", "/episodes/episode-20-rust-at-scale-part-20" }) {
			byte[] plain = site.body(path);
			HttpResponse<byte[]> gzip = site.get(path, "Accept-Encoding", "gzip, deflate");
			HttpResponse<byte[]> brotli = site.get(path, "Accept-Encoding", "gzip, deflate, br, zstd");
			assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(brotli.headers().firstValue("Content-Encoding")).as(path).hasValue("br");
			assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(plain);
			assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain);
			List<String> etags = new ArrayList<>();
			for (HttpResponse<byte[]> coded : List.of(gzip, brotli)) {
				// Compressed before: the length is known (Tomcat's own compression sends
				// chunks), and caches are told the page varies by the coding.
				assertThat(coded.headers().firstValue("Content-Length")).as(path)
					.hasValue(String.valueOf(coded.body().length));
				assertThat(coded.headers().allValues("Vary")).as(path).contains("Accept-Encoding");
				String etag = coded.headers().firstValue("ETag").orElseThrow();
				etags.add(etag);
				String coding = coded.headers().firstValue("Content-Encoding").orElseThrow();
				assertThat(site.get(path, "Accept-Encoding", coding, "If-None-Match", etag).statusCode()).as(path)
					.isEqualTo(304);
			}
			etags.add(site.get(path).headers().firstValue("ETag").orElseThrow());
			assertThat(etags).as(path).doesNotHaveDuplicates();
		}
	}

	@Test
	void theHostsPagesAreNeverStored() throws Exception {
		String cacheControl = this.mvc.perform(get("/").with(user("host").roles("HOST")))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control");
		assertThat(cacheControl).contains("no-store");
		assertThat(this.mvc.perform(get("/admin").with(user("host").roles("HOST")))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void theStylesheetIsVersionedAndKeptAYear() {
		SiteHttp site = new SiteHttp(this.port);
		String href = Jsoup.parse(new String(site.body("/"))).select("link[rel=stylesheet]").attr("href");
		assertThat(href).matches("/assets/css/podsite-[0-9a-f]{32}\\.css");
		HttpResponse<byte[]> css = site.get(href);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("public"));
	}

}
