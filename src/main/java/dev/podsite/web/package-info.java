/**
 * What every public page shares: the layout's model, and the pages kept in memory between
 * changes.
 */
@ApplicationModule(allowedDependencies = { "support", "show", "episode", "search" })
@NullMarked
package dev.podsite.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
