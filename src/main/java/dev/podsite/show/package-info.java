/**
 * The show: what its feed says of it, its one writer, and the show page.
 */
@ApplicationModule(allowedDependencies = { "support", "episode" })
@NullMarked
package dev.podsite.show;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
