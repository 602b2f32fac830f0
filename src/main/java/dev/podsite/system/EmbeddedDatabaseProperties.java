package dev.podsite.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL the site runs without {@code spring.datasource.url}.
 *
 * @param dir where its data lives; it survives restarts
 */
@ConfigurationProperties("podsite.embedded-db")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dir) {

}
