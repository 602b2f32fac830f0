package dev.podsite;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the feature packages apart as the layout intends: data flows from the feed import
 * into show and episode, and the pages read them; nothing points back.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.podsite");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("dev.podsite.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void notesAndTheRomeModuleArePureLibraries() {
		noClasses().that()
			.resideInAnyPackage("dev.podsite.notes..", "dev.podsite.rome..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.podsite.show..", "dev.podsite.episode..", "dev.podsite.feedimport..",
					"dev.podsite.feedpublish..", "dev.podsite.admin..", "dev.podsite.web..", "dev.podsite.system..",
					"org.springframework..")
			.check(this.classes);
	}

	@Test
	void showAndEpisodeKnowNothingOfImportingPublishingOrAdministration() {
		noClasses().that()
			.resideInAnyPackage("dev.podsite.show..", "dev.podsite.episode..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.podsite.feedimport..", "dev.podsite.feedpublish..", "dev.podsite.admin..",
					"dev.podsite.web..")
			.check(this.classes);
	}

	@Test
	void theImporterDoesNotDependOnPages() {
		noClasses().that()
			.resideInAnyPackage("dev.podsite.feedimport..", "dev.podsite.feedpublish..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.podsite.web..", "dev.podsite.admin..")
			.check(this.classes);
	}

	@Test
	void onlyTheSystemPackageConfiguresTheDatabaseServer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.podsite.system..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.zonky..")
			.check(this.classes);
	}

}
