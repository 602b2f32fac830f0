package dev.podsite.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's account at start-up: from the configuration, or generated once.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountsTests {

	private static final String USERNAME = "fresh-host";

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PasswordEncoder passwords;

	@Autowired
	private SignInDevices devices;

	@BeforeEach
	void noSuchAccountYet() {
		this.jdbc.update("DELETE FROM admin_account WHERE username = ?", USERNAME);
	}

	@Test
	void withoutAConfiguredPasswordOneIsGeneratedAndPrintedOnce(CapturedOutput output) {
		accounts(null).run(null);
		Matcher printed = Pattern.compile("account 'fresh-host':\\s+(\\S+)").matcher(output.getOut());
		assertThat(printed.find()).as("the generated password is printed").isTrue();
		String password = printed.group(1);
		assertThat(password).hasSize(24);
		assertThat(this.passwords.matches(password, hash())).isTrue();
		assertThat(hash()).doesNotContain(password);

		accounts(null).run(null);
		assertThat(output.getOut().split("was generated for the account", -1)).as("printed once only").hasSize(2);
		assertThat(this.passwords.matches(password, hash())).as("and kept").isTrue();
	}

	@Test
	void aConfiguredPasswordIsStoredHashedAndNeverLogged(CapturedOutput output) {
		accounts("first password 123").run(null);
		assertThat(this.passwords.matches("first password 123", hash())).isTrue();
		accounts("second password 456").run(null);
		assertThat(this.passwords.matches("second password 456", hash())).isTrue();
		assertThat(output.getAll()).doesNotContain("first password 123", "second password 456");
	}

	@Test
	void aChosenPasswordShorterThanTwelveCharactersStopsTheStart() {
		new ApplicationContextRunner().withUserConfiguration(Properties.class)
			.withPropertyValues("podsite.admin.password=short pass")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("podsite.admin.password (PODSITE_ADMIN_PASSWORD) has 10 characters;"
						+ " choose one of at least 12"));
		new ApplicationContextRunner().withUserConfiguration(Properties.class)
			.withPropertyValues("podsite.admin.password=twelve chars")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private AdminAccounts accounts(String password) {
		return new AdminAccounts(new AdminProperties(USERNAME, password), JdbcClient.create(this.jdbc), this.passwords,
				this.devices);
	}

	@EnableConfigurationProperties(AdminProperties.class)
	static class Properties {

	}

	private String hash() {
		return this.jdbc.queryForObject("SELECT password_hash FROM admin_account WHERE username = ?", String.class,
				USERNAME);
	}

}
