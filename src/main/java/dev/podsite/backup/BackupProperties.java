package dev.podsite.backup;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a new site starts from.
 *
 * @param restoreFrom an archive the site restores at start-up, before its first import,
 * when it holds nothing yet (or only the demo snapshot); unset, none
 */
@ConfigurationProperties("podsite.backup")
record BackupProperties(@Nullable Path restoreFrom) {
}
