/**
 * The host's side, a web layer over the other modules: sign-in and its security, the
 * dashboard, the episode form, the announcement that the site's feed moves (kept by
 * feedpublish, which owns it), the download of a backup (made by backup).
 */
@ApplicationModule(allowedDependencies = { "support", "show", "episode", "feedimport", "feedpublish", "backup" })
@NullMarked
package dev.podsite.admin;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
