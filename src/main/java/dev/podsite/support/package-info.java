/**
 * What every module shares: the site's settings, the announcement of changes, a cache
 * that lasts until they come, hashes and the cleaning of web addresses.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.podsite.support;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
