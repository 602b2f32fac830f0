package dev.podsite.admin;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The host's account and the admin's settings.
 *
 * @param username the host's user name
 * @param password the host's password; when unset, one is generated at the first start
 * and printed once in the log
 * @param timeZone the zone the admin shows and reads dates in; the server's when unset
 */
@ConfigurationProperties("podsite.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password, ZoneId timeZone) {

	public AdminProperties {
		if (timeZone == null) {
			timeZone = ZoneId.systemDefault();
		}
	}

	boolean hasPassword() {
		return this.password != null && !this.password.isBlank();
	}

}
