/**
 * How the site runs: the embedded PostgreSQL, the clock, the data version that carries
 * changes to every instance, and the proxies whose forwarded headers it believes. Knows
 * no feature.
 */
@ApplicationModule(allowedDependencies = { "support" })
@NullMarked
package dev.podsite.system;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
