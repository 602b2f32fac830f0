package dev.podsite.show;

/**
 * Published after the show or any of its episodes changed (an import, a host's edit),
 * once the change is committed, so whatever holds a copy drops it.
 */
public record ShowChanged() {

}
