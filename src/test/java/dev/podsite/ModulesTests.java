package dev.podsite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.podsite.verification.fixture.FixtureApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keeps the modules apart as they declare (each package's {@code package-info.java}): no
 * cycles, no reaching into another module's internals, no dependency a module did not
 * declare; and every table has one owner.
 */
class ModulesTests {

	private static final ApplicationModules modules = ApplicationModules.of(PodsiteApplication.class);

	/** Which module alone writes each table, and what writes look like in SQL. */
	private static final Map<String, String> TABLE_OWNERS = Map.ofEntries(Map.entry("episode", "episode"),
			Map.entry("episode_link", "episode"), Map.entry("episode_transcript", "episode"),
			Map.entry("episode_person", "episode"), Map.entry("person", "episode"),
			Map.entry("person_alias", "episode"), Map.entry("person_former_slug", "episode"),
			Map.entry("show_person", "episode"), Map.entry("episode_chapter", "episode"),
			Map.entry("episode_transcript_cue", "episode"), Map.entry("episode_timeline_source", "episode"),
			Map.entry("media_file", "feedimport"), Map.entry("show", "show"), Map.entry("show_category", "show"),
			Map.entry("show_funding", "show"), Map.entry("import_run", "feedimport"),
			Map.entry("feed_state", "feedimport"), Map.entry("websub_subscription", "feedimport"),
			Map.entry("data_version", "system"), Map.entry("admin_account", "admin"),
			Map.entry("sign_in_throttle", "admin"), Map.entry("sign_in_device", "admin"),
			// Written by the database alone (V11's triggers): no module may.
			Map.entry("episode_search", "search"), Map.entry("episode_search_pending", "search"),
			Map.entry("episode_transcript_window", "search"), Map.entry("search_language", "search"));

	private static final Pattern WRITE = Pattern
		.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE)\\s+([a-z_]+)\\b");

	@Test
	void theModulesKeepToWhatTheyDeclare() {
		modules.verify();
	}

	@Test
	void theSystemModuleKnowsNoFeature() {
		ApplicationModule system = modules.getModuleByName("system").orElseThrow();
		assertThat(system.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName))
			.isSubsetOf("support");
	}

	@Test
	void theVerificationFailsOnAModuleThatReachesIntoInternalsOrAnUndeclaredModule() {
		ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, (location) -> true);
		assertThatExceptionOfType(Violations.class).isThrownBy(fixture::verify)
			.withMessageContaining("non-exposed type")
			.withMessageContaining("Allowed targets: none");
	}

	@Test
	void everyTableHasOneWriter() throws IOException {
		Path main = Path.of("src", "main", "java", "dev", "podsite");
		try (Stream<Path> sources = Files.walk(main)) {
			for (Path source : sources.filter((file) -> file.toString().endsWith(".java")).toList()) {
				String module = main.relativize(source).getName(0).toString();
				Matcher write = WRITE.matcher(Files.readString(source));
				while (write.find()) {
					String owner = TABLE_OWNERS.get(write.group(1).toLowerCase());
					if (owner != null) {
						assertThat(module).as("%s writes %s: %s", source, write.group(1), write.group())
							.isEqualTo(owner);
					}
				}
			}
		}
	}

	@Test
	void notesAndTheRomeModuleArePlainLibraries() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.podsite");
		noClasses().that()
			.resideInAnyPackage("dev.podsite.notes..", "dev.podsite.rome..")
			.should()
			// Their package-info names the module, with Spring Modulith's annotation.
			.dependOnClassesThat(resideInAPackage("org.springframework..")
				.and(not(resideInAPackage("org.springframework.modulith"))))
			.check(classes);
	}

	@Test
	void onlyTheSystemModuleRunsTheDatabaseServer() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.podsite");
		noClasses().that()
			.resideOutsideOfPackage("dev.podsite.system..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.zonky..")
			.check(classes);
	}

}
