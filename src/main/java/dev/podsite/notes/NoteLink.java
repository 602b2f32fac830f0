package dev.podsite.notes;

/**
 * A link of the show notes: its text and absolute URL.
 */
public record NoteLink(String text, String url) {

}
