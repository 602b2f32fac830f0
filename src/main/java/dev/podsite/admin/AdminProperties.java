package dev.podsite.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The host's account.
 *
 * @param username the host's user name
 * @param password the host's password; when unset, one is generated at the first start
 * and printed once in the log
 */
@ConfigurationProperties("podsite.admin")
record AdminProperties(@DefaultValue("admin") String username, @Nullable String password) {

	boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
