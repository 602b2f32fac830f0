package dev.podsite.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site starts its own PostgreSQL only when no server is configured.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withUserConfiguration(EmbeddedDatabaseConfiguration.class);

	@TempDir
	private Path dir;

	@Test
	void aConfiguredServerIsUsedAndNoEmbeddedDatabaseStarts() {
		Path data = this.dir.resolve("postgres");
		this.contexts
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.invalid:5432/podsite",
					"podsite.embedded-db.dir=" + data)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgres.class);
				assertThat(context.getBean(HikariDataSource.class).getJdbcUrl())
					.isEqualTo("jdbc:postgresql://db.invalid:5432/podsite");
				assertThat(data).doesNotExist();
			});
	}

	@Test
	void withoutAConfiguredServerTheEmbeddedDatabaseBacksTheDataSource() {
		Path data = this.dir.resolve("postgres");
		this.contexts.withPropertyValues("podsite.embedded-db.dir=" + data).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgres.class).hasSingleBean(DataSource.class);
			EmbeddedPostgres postgres = context.getBean(EmbeddedPostgres.class);
			try (Connection connection = context.getBean(DataSource.class).getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SHOW data_directory")) {
				assertThat(connection.getMetaData().getURL()).contains(":" + postgres.getPort() + "/");
				result.next();
				assertThat(Files.isSameFile(Path.of(result.getString(1)), data)).isTrue();
			}
		});
	}

	@Test
	void theDataSourceUsesThePasswordFileAndTheLogSaysWhereItIsButNeverWhatItIs(CapturedOutput output) {
		Path data = this.dir.resolve("postgres");
		this.contexts.withPropertyValues("podsite.embedded-db.dir=" + data).run((context) -> {
			assertThat(context).hasNotFailed();
			Path passwordFile = data.toAbsolutePath().resolve("podsite-db-password");
			String password = Files.readString(passwordFile).strip();
			assertThat(password).isNotBlank();
			assertThat(context.getBean(HikariDataSource.class).getPassword()).isEqualTo(password);
			assertThat(output).contains(passwordFile.toString()).doesNotContain(password);
		});
	}

}
