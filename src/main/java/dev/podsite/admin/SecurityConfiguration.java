package dev.podsite.admin;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Who may do what: everyone reads the site (the feed and kept pages are served before
 * these filters, see FilterValve and KeptPageValve); only the signed-in host reaches
 * {@code /admin} and the management endpoints but health (its probes are public, without
 * details). Forms carry CSRF tokens, the session id changes at sign-in, and every page
 * gets a Content-Security-Policy without inline script.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Audio and artwork come from the show's hosts; everything else from the site itself.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:;"
			+ " media-src 'self' https:; script-src 'self'; style-src 'self'; object-src 'none';"
			+ " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** How late a session's last access may be written. */
	static final Duration SESSION_ACCESS_STEP = Duration.ofMinutes(1);

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain site(HttpSecurity http, AdminAccounts accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, SignInDevices devices, AuthenticationEventPublisher signInEvents)
			throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		ProviderManager signIn = new ProviderManager(SignIn.throttled(passwords, throttle, devices));
		signIn.setAuthenticationEventPublisher(signInEvents);
		http.authenticationManager(signIn)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/admin/**")
				.hasRole("HOST")
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				// On a port of their own (management.server.port, which the operator
				// keeps inside), a scraper reads them without the host's sign-in; on the
				// site's port, only the host does.
				.requestMatchers(SecurityConfiguration::onManagementPort)
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole("HOST")
				.anyRequest()
				.permitAll())
			// The WebSub hub's callback: a server, not a browser, posts to it, and its
			// pushes carry their own proof (the HMAC signature).
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/websub/callback/**"))
			.formLogin((login) -> login.loginPage("/login")
				.authenticationDetailsSource(SignIn.details())
				.successHandler(SignIn.succeeded(devices))
				.failureHandler(SignIn.failed())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	private static boolean onManagementPort(HttpServletRequest request) {
		return WebServerApplicationContext.hasServerNamespace(
				WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
	}

	/**
	 * Failed sign-ins as events (SignInMetrics counts them); one the throttle refused is
	 * a locked account's.
	 */
	@Bean
	AuthenticationEventPublisher signInEvents(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setAdditionalExceptionMappings(Map.of(SignIn.Refused.class, AuthenticationFailureLockedEvent.class));
		return publisher;
	}

	/**
	 * The JDBC session store as the site's session filter gets it: with the last access
	 * written at most once a minute (CoarseAccessSessions).
	 */
	@Bean
	static BeanPostProcessor coarseSessionAccess() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store)
						? CoarseAccessSessions.of(store, SESSION_ACCESS_STEP) : bean;
			}

		};
	}

	/**
	 * Bcrypt, and nothing else: a hash of another kind in the accounts table (a plain
	 * {noop} one written behind the site's back, say) signs nobody in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder bcryptOnly = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder()));
		bcryptOnly.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				throw new UnsupportedOperationException("Passwords are encoded with bcrypt");
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return false;
			}

		});
		return bcryptOnly;
	}

}
