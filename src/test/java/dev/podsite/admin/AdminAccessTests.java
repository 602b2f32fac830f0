package dev.podsite.admin;

import dev.podsite.support.Database;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reaches the admin, and how signing in behaves: login, CSRF, session fixation,
 * throttling, security headers, the stored password.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminAccessTests {

	// From src/test/resources/config/application.properties.
	private static final String USERNAME = "host";

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void noFailedSignIns() {
		Database.clear(this.jdbc);
	}

	@Test
	void anonymousVisitorsOfTheAdminAreSentToTheLoginPage() throws Exception {
		for (String path : new String[] { "/admin", "/admin/episodes", "/admin/episodes/new", "/admin/episodes/1/edit",
				"/admin/people", "/admin/people/1" }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
		this.mvc.perform(post("/admin/import").with(csrf())).andExpect(status().isFound());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM import_run", Integer.class)).isZero();
	}

	@Test
	void onlyTheSignedInHostSeesTheAdminLinkAndTheSignOutForm() throws Exception {
		String anonymous = this.mvc.perform(get("/search")).andReturn().getResponse().getContentAsString();
		assertThat(anonymous).contains("action=\"/search\"").doesNotContain("href=\"/admin\"", "action=\"/logout\"");
		// With a session cookie, as the host's browser has: visitors without one get kept
		// pages.
		String host = this.mvc
			.perform(get("/search").cookie(new Cookie("SESSION", "host")).with(user(USERNAME).roles("HOST")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(host).contains("href=\"/admin\"", "action=\"/logout\"", "name=\"_csrf\"");
	}

	@Test
	void theLoginFormHasTheFieldsAndACsrfToken() throws Exception {
		String page = this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
	}

	@Test
	void theRightPasswordSignsIn() throws Exception {
		signIn(USERNAME, PASSWORD, "10.0.0.1").andExpect(redirectedUrl("/admin"));
	}

	@Test
	void aWrongPasswordSaysSo() throws Exception {
		this.mvc.perform(post("/login").param("username", USERNAME).param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("The user name or password is wrong.")));
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", USERNAME).param("password", PASSWORD))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/import").with(user(USERNAME).roles("HOST"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user(USERNAME).roles("HOST"))).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM import_run", Integer.class)).isZero();
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		this.mvc.perform(post("/logout").with(user(USERNAME).roles("HOST")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void everyPageCarriesSecurityHeadersWithoutInlineScript() throws Exception {
		for (String path : new String[] { "/", "/login", "/episodes" }) {
			String policy = this.mvc.perform(get(path))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
				.andReturn()
				.getResponse()
				.getHeader("Content-Security-Policy");
			assertThat(policy).contains("default-src 'self'", "script-src 'self'", "media-src 'self' https:",
					"frame-ancestors 'none'");
			assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
		}
	}

	@Test
	void thePasswordIsStoredOnlyAsABcryptHash() {
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM admin_account WHERE username = ?",
				String.class, USERNAME);
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
	}

	private org.springframework.test.web.servlet.ResultActions signIn(String username, String password, String address)
			throws Exception {
		return this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}));
	}

}
