package dev.podsite.episode;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverridesTests {

	@Test
	void aFieldTheHostChangedOnAnImportedEpisodeIsNoLongerTheImportsToWrite() {
		Overrides overrides = Overrides.NONE.changedByHost(List.of(HostField.TITLE, HostField.NOTES),
				EpisodeOrigin.FEED);
		assertThat(overrides.keys()).containsExactly("title", "notes");
		assertThat(overrides.writableByImport()).doesNotContain(HostField.TITLE, HostField.NOTES)
			.hasSize(HostField.values().length - 2);
	}

	@Test
	void changingAFieldTwiceMarksItOnce() {
		Overrides once = Overrides.NONE.changedByHost(List.of(HostField.TITLE), EpisodeOrigin.FEED);
		assertThat(once.changedByHost(List.of(HostField.TITLE), EpisodeOrigin.FEED).keys()).containsExactly("title");
	}

	@Test
	void theHostsOwnEpisodesHaveNoOverrides() {
		assertThat(Overrides.NONE.changedByHost(List.of(HostField.TITLE), EpisodeOrigin.HOST).keys()).isEmpty();
	}

	@Test
	void revertingGivesTheFieldBackToTheImport() {
		Overrides overrides = new Overrides(List.of("title", "duration", Overrides.KEPT_ON_SITE));
		Overrides reverted = overrides.revertedToFeed(HostField.DURATION);
		assertThat(reverted.keys()).containsExactly("title", Overrides.KEPT_ON_SITE);
		assertThat(reverted.writableByImport()).contains(HostField.DURATION).doesNotContain(HostField.TITLE);
		assertThat(reverted.isKeptOnSite()).isTrue();
	}

	@Test
	void keepingOnTheSiteIsRecordedOnceAndWritesNoField() {
		Overrides kept = Overrides.NONE.keptOnSite().keptOnSite();
		assertThat(kept.keys()).containsExactly(Overrides.KEPT_ON_SITE);
		assertThat(kept.writableByImport()).isEqualTo(EnumSet.allOf(HostField.class));
	}

	@Test
	void everyHostFieldIsAComponentOfTheContentUnderItsName() {
		List<String> components = Arrays.stream(EpisodeContent.class.getRecordComponents())
			.map((component) -> component.getName())
			.toList();
		assertThat(Arrays.stream(HostField.values()).map(HostField::key)).containsExactlyElementsOf(components);
	}

}
