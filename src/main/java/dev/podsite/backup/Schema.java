package dev.podsite.backup;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the database says of the site's schema: its version and tables' columns. */
final class Schema {

	private final JdbcClient jdbc;

	Schema(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest migration applied: an archive's rows have the columns it made. */
	String version() {
		return this.jdbc.sql("""
				SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
				ORDER BY installed_rank DESC LIMIT 1""").query(String.class).single();
	}

	/** The columns a row is written with: all but those the database computes. */
	List<String> writableColumns(String table) {
		return this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'NEVER'
				ORDER BY ordinal_position""").param("table", table).query(String.class).list();
	}

	/** The columns the database computes ({@code GENERATED ALWAYS AS}): not archived. */
	List<String> generatedColumns(String table) {
		return this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :table AND is_generated = 'ALWAYS'
				ORDER BY ordinal_position""").param("table", table).query(String.class).list();
	}

	/** The identity columns of a table, whose sequences follow restored keys. */
	List<String> identityColumns(String table) {
		return this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :table AND is_identity = 'YES'""")
			.param("table", table)
			.query(String.class)
			.list();
	}

	/** Every table of the site's schema. */
	List<String> tables() {
		return this.jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
			.query(String.class)
			.list();
	}

	static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
