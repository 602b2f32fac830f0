package dev.podsite.system;

import dev.podsite.PodsiteApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One setting turns the site's log into JSON lines a log collector reads (README,
 * "Operating the site").
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void withTheSettingEveryLineTheSiteLogsIsAnEcsJsonDocument(CapturedOutput output) {
		// The logging of this JVM was set up by the sites tests started before: the site
		// started here sets it up afresh, as a site started alone does.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.cleanUp();
		try (ConfigurableApplicationContext site = new SpringApplicationBuilder(PodsiteApplication.class)
			.properties("logging.structured.format.console=ecs", "server.port=0")
			.run()) {
			// Run from a test, the application's class is the test runner's.
			String started = output.getOut()
				.lines()
				.filter((line) -> line.contains("\"message\":\"Started "))
				.findFirst()
				.orElseThrow(() -> new AssertionError("The site did not say it started in JSON:\n" + output.getOut()));
			JsonNode line = JSON.readTree(started);
			assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
			assertThat(line.path("@timestamp").asString()).isNotEmpty();
			assertThat(line.path("service").path("name").asString()).isEqualTo("podsite");
			assertThat(line.path("ecs").path("version").asString()).isNotEmpty();
			assertThat(line.path("message").asString()).startsWith("Started ");
			assertThat(line.path("log").path("logger").asString()).isNotEmpty();
		}
		finally {
			// Back to the plain lines the other tests of this JVM log (their sites are
			// started already and set nothing up again).
			logging.cleanUp();
			System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
			logging.beforeInitialize();
			logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
		}
		LoggerFactory.getLogger(JsonLogsTests.class).info("Plain lines again");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Plain lines again"))).singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{"));
	}

}
