package dev.podsite.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import dev.podsite.support.Counts;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface's words exist in both languages: every key of one bundle is in the other,
 * with words in it.
 */
class MessageBundlesTests {

	@Test
	void everyMessageIsInEnglishAndInRomanian() throws IOException {
		Properties english = bundle("messages.properties");
		Properties romanian = bundle("messages_ro.properties");
		assertThat(romanian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (Properties messages : new Properties[] { english, romanian }) {
			messages.forEach((key, value) -> assertThat(value.toString().strip()).as(key.toString()).isNotEmpty());
		}
	}

	@Test
	void romanianCountsTakeTheirThreeForms() {
		assertThat(Counts.form(1)).isEqualTo(1);
		for (long few : new long[] { 0, 2, 19, 101, 119 }) {
			assertThat(Counts.form(few)).as("%d", few).isEqualTo(2);
		}
		for (long other : new long[] { 20, 21, 100, 120, 1000 }) {
			assertThat(Counts.form(other)).as("%d", other).isEqualTo(3);
		}
	}

	static Properties bundle(String name) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		return messages;
	}

}
