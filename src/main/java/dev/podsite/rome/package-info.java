/**
 * A Rome module for the Podcasting 2.0 namespace ({@code podcast:}): parser and
 * generator.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.podsite.rome;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
