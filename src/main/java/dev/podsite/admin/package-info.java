/**
 * The host's side, a web layer over the other modules: sign-in and its security, the
 * dashboard, the episode form.
 */
@ApplicationModule(allowedDependencies = { "support", "show", "episode", "feedimport", "feedpublish" })
@NullMarked
package dev.podsite.admin;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
