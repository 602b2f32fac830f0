package dev.podsite.episode;

/**
 * Published, inside the changing transaction, when the host changed which chapter or
 * transcript files an episode points to, or uploaded one: what the files hold is to be
 * read again for that episode, the host's uploads at once.
 */
public record EpisodeFilesChanged(long episodeId) {

}
