package dev.podsite.admin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host's account, stored hashed in PostgreSQL so every instance knows it. At start-up
 * it is created from {@code podsite.admin.*}; without a configured password a strong one
 * is generated once, and printed once.
 */
@Service
class AdminAccounts implements UserDetailsService, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);

	private static final SecureRandom random = new SecureRandom();

	private final AdminProperties properties;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SignInDevices devices;

	AdminAccounts(AdminProperties properties, JdbcClient jdbc, PasswordEncoder passwords, SignInDevices devices) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.devices = devices;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String hash = passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("No account " + username));
		return User.withUsername(username).password(hash).roles("HOST").build();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String username = this.properties.username();
		if (this.properties.hasPassword()) {
			useConfiguredPassword(username, this.properties.password());
		}
		else {
			generatePasswordOnce(username);
		}
	}

	/**
	 * A new password ends every session of the account: whoever signed in with the old
	 * one, on any instance, must sign in again.
	 */
	private void useConfiguredPassword(String username, String password) {
		Optional<String> hash = passwordHash(username);
		if (hash.isPresent() && this.passwords.matches(password, hash.get())) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO admin_account (username, password_hash) VALUES (:username, :hash)
				ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now()
				""").param("username", username).param("hash", this.passwords.encode(password)).update();
		int ended = this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = :username")
			.param("username", username)
			.update();
		this.devices.forget(username);
		log.info("The admin account '{}' now signs in with the password from podsite.admin.password{}", username,
				(ended > 0) ? "; its " + ended + " sessions signed in with the old one are ended" : "");
	}

	private void generatePasswordOnce(String username) {
		String password = generatePassword();
		// Of several instances starting at once, only the one whose insert wins prints
		// it.
		int created = this.jdbc
			.sql("INSERT INTO admin_account (username, password_hash) VALUES (:username, :hash) ON CONFLICT DO NOTHING")
			.param("username", username)
			.param("hash", this.passwords.encode(password))
			.update();
		if (created == 1) {
			log.warn("""

					No admin password is configured, so one was generated for the account '{}':

					    {}

					Sign in at /login. It is shown this once and stored only as a hash. To choose your own,
					start the site with podsite.admin.password set (environment: PODSITE_ADMIN_PASSWORD).
					""", username, password);
		}
	}

	private Optional<String> passwordHash(String username) {
		return this.jdbc.sql("SELECT password_hash FROM admin_account WHERE username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	/** 24 characters from a CSPRNG: 144 bits. */
	static String generatePassword() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
