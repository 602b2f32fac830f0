/**
 * How the site runs: the embedded PostgreSQL, the clock, and the data version that
 * carries changes to every instance. Knows no feature.
 */
@ApplicationModule(allowedDependencies = { "support" })
@NullMarked
package dev.podsite.system;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
