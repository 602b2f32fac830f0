/**
 * Show notes made safe: sanitized HTML, Markdown, the links of the notes. Plain code, no
 * Spring.
 */
@ApplicationModule(allowedDependencies = { "support" })
@NullMarked
package dev.podsite.notes;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
