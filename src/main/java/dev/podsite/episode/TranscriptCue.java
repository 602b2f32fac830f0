package dev.podsite.episode;

import org.jspecify.annotations.Nullable;

/**
 * One cue of a transcript: a moment of the audio and what is said then, as plain text.
 *
 * @param start when it starts, in seconds from the beginning
 * @param end when it ends, if the source says
 * @param speaker who speaks, if the source says
 */
public record TranscriptCue(double start, @Nullable Double end, @Nullable String speaker, String text) {

}
