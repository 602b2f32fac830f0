package dev.podsite.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The host's account.
 *
 * @param username the host's user name
 * @param password the host's password, at least 12 characters; when unset, one is
 * generated at the first start and printed once in the log
 */
@ConfigurationProperties("podsite.admin")
record AdminProperties(@DefaultValue("admin") String username, @Nullable String password) {

	/** Long enough that guessing it online, slowed as sign-ins are, is hopeless. */
	static final int SHORTEST_PASSWORD = 12;

	AdminProperties {
		if (password != null && !password.isBlank()
				&& password.codePointCount(0, password.length()) < SHORTEST_PASSWORD) {
			throw new IllegalArgumentException("podsite.admin.password (PODSITE_ADMIN_PASSWORD) has "
					+ password.codePointCount(0, password.length()) + " characters; choose one of at least "
					+ SHORTEST_PASSWORD + ", or leave it unset and the site generates one at its first start");
		}
	}

	boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
