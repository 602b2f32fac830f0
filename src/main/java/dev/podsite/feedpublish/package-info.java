/**
 * The re-published feed, {@code /feed.xml}: rendered once per change, served from memory.
 */
@ApplicationModule(allowedDependencies = { "support", "rome", "show", "episode" })
@NullMarked
package dev.podsite.feedpublish;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
