package dev.podsite.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.podsite.episode.ImportedEpisode;
import dev.podsite.episode.Person;
import dev.podsite.episode.Transcript;
import dev.podsite.support.Database;
import dev.podsite.support.SiteData;
import dev.podsite.support.TestEpisodes;
import dev.podsite.support.TestTimelines;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A show as listeners meet it, for the accessibility tests: an episode with everything
 * (audio, long notes with links and time codes, chapters with artwork, a long transcript
 * in turns, a host and a guest with a portrait), one without audio, and a few more.
 */
final class ListenerSite {

	/** The episode with everything on its page. */
	static final String FULL_EPISODE = "ownership-in-production";

	static final String TEXT_EPISODE = "a-written-update";

	static final String GUEST = "gus-guest";

	private ListenerSite() {
	}

	static void store(ApplicationContext context) {
		Database.clear(context.getBean(JdbcTemplate.class));
		Instant published = Instant.parse("2026-01-10T06:00:00Z");
		List<ImportedEpisode> episodes = new ArrayList<>(TestEpisodes.large(3));
		episodes.add(0, TestEpisodes.episode("full", "Ownership in production", published)
			.notes(longNotes())
			.audio("https://cdn.example/full.mp3", 4000)
			.number(4)
			.season(1)
			.chapters("https://files.example/full.json")
			.transcript(new Transcript("https://files.example/full.vtt", "text/vtt", "en", null))
			.person(new Person("Ann Host", "host", null, null, "https://ann.example/"))
			.person(new Person("Gus Guest", "guest", null, "https://gus.example/me.jpg", "https://www.gus.example/"))
			.build());
		episodes.add(1,
				TestEpisodes.episode("text", "A written update", published.minus(Duration.ofDays(1)))
					.notes("<p>No audio this week: a few words instead.</p>")
					.build());
		SiteData site = new SiteData(context);
		site.store(TestEpisodes.show("Rust in Production"), episodes);
		// 20 turns: the transcript starts folded.
		site.storeTimeline(FULL_EPISODE, TestTimelines.chapters(8), TestTimelines.cues(80, 2));
	}

	private static String longNotes() {
		StringBuilder notes = new StringBuilder("<p>We talk about ownership, lifetimes and async runtimes, and how a"
				+ " team moved a busy service to Rust.</p><h2>Timeline</h2><ul>"
				+ "<li>00:00 Hello</li><li>12:34 Ownership</li><li>1:02:05 Lifetimes</li></ul><h2>Links</h2><ul>");
		for (int i = 1; i <= 12; i++) {
			notes.append("<li><a href=\"https://links.example/")
				.append(i)
				.append("\">Link number ")
				.append(i)
				.append("</a></li>");
		}
		return notes.append("</ul><p>Thanks for listening, and see you next week.</p>").toString();
	}

}
