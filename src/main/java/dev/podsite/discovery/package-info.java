/**
 * What tells search engines about the site: {@code /sitemap.xml}, every public page with
 * when it last changed, and {@code /robots.txt}; each rendered once per change and served
 * from memory, like the feed.
 */
@ApplicationModule(allowedDependencies = { "support", "show", "episode", "search" })
@NullMarked
package dev.podsite.discovery;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
