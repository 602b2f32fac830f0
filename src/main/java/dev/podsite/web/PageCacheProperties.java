package dev.podsite.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The public pages kept in memory (PublicPageCache).
 *
 * @param maxBytes the most they hold together; past it, the least recently used go
 */
@ConfigurationProperties("podsite.page-cache")
record PageCacheProperties(@DefaultValue("64MB") DataSize maxBytes) {

}
