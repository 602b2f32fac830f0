package dev.podsite.admin;

import dev.podsite.episode.EpisodeEditor;
import dev.podsite.episode.TranscriptType;
import dev.podsite.support.HostNotice;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * What Bean Validation cannot check in the episode form: that no other episode has its
 * slug, that each line of the people names someone, and that the transcript's format is
 * known (feeds must declare it).
 */
class EpisodeFormValidator implements Validator {

	private final EpisodeEditor episodes;

	private final @Nullable Long episodeId;

	/**
	 * @param episodeId the episode being edited, null for a new one
	 */
	EpisodeFormValidator(EpisodeEditor episodes, @Nullable Long episodeId) {
		this.episodes = episodes;
		this.episodeId = episodeId;
	}

	@Override
	public boolean supports(Class<?> type) {
		return EpisodeForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		HostNotice people = PeopleLines.parse(((EpisodeForm) target).getPeople()).problem();
		if (people != null && !errors.hasFieldErrors("people")) {
			// lines.form.people says the notice in the language of the page.
			errors.rejectValue("people", "lines", new Object[] { people }, people.english());
		}
		EpisodeForm form = (EpisodeForm) target;
		if (form.getTranscripts() != null && form.getTranscriptType() == null && !errors.hasFieldErrors("transcripts")
				&& TranscriptType.ofName(form.getTranscripts()).isEmpty()) {
			errors.rejectValue("transcriptType", "unknown",
					"Choose the transcript’s format: its address does not tell.");
		}
		String slug = form.getSlug();
		if (slug != null && !errors.hasFieldErrors("slug") && this.episodes.slugTaken(slug, this.episodeId)) {
			errors.rejectValue("slug", "taken", "Another episode has this slug; choose another.");
		}
	}

}
