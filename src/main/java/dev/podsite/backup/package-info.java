/**
 * Backups a host can make and start a site from: the whole site's data as one ZIP archive
 * (a manifest, each table's rows as JSON, the host's uploaded files), and its restore
 * into a site that holds nothing yet, in one transaction. Like {@code pg_dump}, it reads
 * and writes the tables themselves, as rows, so every column (the host's edits and
 * overrides, the feed's values kept beside them, password hashes) survives without a
 * second model.
 */
@ApplicationModule(allowedDependencies = { "support" })
@NullMarked
package dev.podsite.backup;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
