package dev.podsite.system;

import java.io.IOException;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup database: without {@code spring.datasource.url}, the site runs on a real
 * PostgreSQL of its own whose data lives in {@code podsite.embedded-db.dir}. Its
 * superuser {@code postgres} has a password of its own, kept in that directory
 * ({@link EmbeddedPostgresServer#passwordFile}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	/**
	 * The server {@link EmbeddedDatabaseEarlyStart} began to start as the context began,
	 * or, without it, one started now.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties,
			ObjectProvider<EmbeddedDatabaseEarlyStart.Started> early) throws IOException {
		Path directory = properties.dir();
		EmbeddedDatabaseEarlyStart.Started started = early.getIfAvailable();
		return (started != null) ? started.take(directory) : EmbeddedPostgresServer.start(directory, true);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws IOException {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password(EmbeddedPostgresServer.password(properties.dir()))
			.build();
	}

}
