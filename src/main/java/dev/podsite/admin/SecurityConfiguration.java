package dev.podsite.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what: everyone reads the site (the feed is served before these filters, see
 * FeedFilter); only the signed-in host reaches {@code /admin}. Forms carry CSRF tokens,
 * the session id changes at sign-in, and every page gets a Content-Security-Policy
 * without inline script.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Audio and artwork come from the show's hosts; everything else from the site itself.
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: data:;"
			+ " media-src 'self' https:; script-src 'self'; style-src 'self'; object-src 'none';"
			+ " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain site(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/admin/**").hasRole("HOST").anyRequest().permitAll())
			.formLogin((login) -> login.loginPage("/login")
				.successHandler(throttle.successHandler())
				.failureHandler(throttle.failureHandler())
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
