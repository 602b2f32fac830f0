package dev.podsite.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.podsite.support.SiteHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, the management endpoints move to that port (on
 * loopback unless configured otherwise), where a scraper reads them without a sign-in;
 * the site's own port keeps the probes alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortHttpTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void aScraperReadsTheMetricsOnTheManagementPort() {
		SiteHttp management = new SiteHttp(this.managementPort);
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/health/liveness", "/actuator/info", "/actuator/metrics",
				"/actuator/prometheus" }) {
			assertThat(management.get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(new String(management.body("/actuator/prometheus"), StandardCharsets.UTF_8))
			.contains("podsite_feed_requests_total");
		// Neither offered there: what is not exposed is not there.
		for (String path : new String[] { "/actuator/env", "/actuator/heapdump", "/actuator/shutdown" }) {
			assertThat(management.get(path).statusCode()).as(path).isEqualTo(404);
		}
		// Health without details still: a sign-in cannot happen on that port.
		assertThat(new String(management.get("/actuator/health/readiness").body(), StandardCharsets.UTF_8))
			.contains("\"status\"")
			.doesNotContain("components");
	}

	@Test
	void theSitesOwnPortKeepsTheProbesAloneAndNoMetrics() {
		SiteHttp site = new SiteHttp(this.port);
		assertThat(site.get("/livez").statusCode()).isEqualTo(200);
		assertThat(site.get("/readyz").statusCode()).isIn(200, 503);
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/info",
				"/actuator/%70rometheus", "/actuator/metrics" }) {
			HttpResponse<byte[]> response = site.get(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path)
				.doesNotContain("jvm_")
				.doesNotContain("podsite_")
				.doesNotContain("\"status\":\"UP\"");
		}
	}

}
