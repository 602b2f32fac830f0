package dev.podsite.episode;

import java.util.UUID;

import javax.sql.DataSource;

import dev.podsite.support.Database;
import dev.podsite.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh database of its own on the test server, for a migration test to migrate step by
 * step; dropped by {@link #drop()}.
 */
final class ScratchDatabase {

	private final JdbcTemplate server = Database.migrated();

	private final String name;

	private final DataSource dataSource;

	/** Creates an empty database named {@code prefix} and a random suffix. */
	ScratchDatabase(String prefix) {
		this.name = prefix + UUID.randomUUID().toString().replace("-", "");
		this.server.execute("CREATE DATABASE " + this.name);
		TestDatabase.Connection db = TestDatabase.connection();
		String url = db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + this.name + "$1");
		this.dataSource = new SimpleDriverDataSource(new Driver(), url, db.username(), db.password());
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	/** Applies the site's migrations up to {@code version}, or all of them when null. */
	void migrate(String version) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.target((version != null) ? version : "latest")
			.load()
			.migrate();
	}

	void drop() {
		this.server.execute("DROP DATABASE " + this.name + " WITH (FORCE)");
	}

}
