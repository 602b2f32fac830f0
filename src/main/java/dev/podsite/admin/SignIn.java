package dev.podsite.admin;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The host's sign-in, throttled inside authentication: whatever address spelling of the
 * sign-in form reaches the authentication manager ({@code /login}, {@code /log%69n}) goes
 * through {@link SignInThrottle} before its password is checked.
 */
final class SignIn {

	private SignIn() {
	}

	/** Wraps the password check: the throttle first, its bookkeeping after. */
	static AuthenticationProvider throttled(AuthenticationProvider passwords, SignInThrottle throttle,
			SignInDevices devices) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				Details details = (authentication.getDetails() instanceof Details given) ? given
						: new Details("unknown", null);
				String username = authentication.getName();
				String device = devices.known(details.deviceToken(), username);
				Optional<Duration> wait = throttle.attempt(username, details.address(), device);
				if (wait.isPresent()) {
					throw new Refused(wait.get());
				}
				Authentication signedIn = passwords.authenticate(authentication);
				if (signedIn == null) {
					throw new IllegalStateException("The password check answered nothing for " + username);
				}
				throttle.succeeded(username, details.address(), device);
				if (device != null) {
					devices.used(device);
				}
				// The session keeps the sign-in: without the browser's token.
				UsernamePasswordAuthenticationToken kept = UsernamePasswordAuthenticationToken
					.authenticated(signedIn.getPrincipal(), null, signedIn.getAuthorities());
				kept.setDetails(new Details(details.address(), null));
				return kept;
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return passwords.supports(authentication);
			}

		};
	}

	/**
	 * The client's address and the browser's device token, read from the sign-in form.
	 */
	static AuthenticationDetailsSource<HttpServletRequest, Details> details() {
		return (request) -> new Details(request.getRemoteAddr(), cookie(request, SignInDevices.COOKIE));
	}

	/**
	 * Gives a browser that signed in for the first time its device token, then goes where
	 * the host was headed, or to /admin.
	 */
	static AuthenticationSuccessHandler succeeded(SignInDevices devices) {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/admin");
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			if (devices.known(cookie(request, SignInDevices.COOKIE), authentication.getName()) == null) {
				ResponseCookie cookie = ResponseCookie
					.from(SignInDevices.COOKIE, devices.issue(authentication.getName()))
					.path("/login")
					.maxAge(SignInDevices.LIFETIME)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Strict")
					.build();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
			}
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Tells the host why the sign-in failed, and when to try again if it was refused. */
	static AuthenticationFailureHandler failed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			if (exception instanceof Refused refused) {
				long seconds = Math.max(1, (refused.waitFor().toMillis() + 999) / 1000);
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
				return;
			}
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	private static @Nullable String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(name)) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * What the sign-in knows of the client besides the form.
	 *
	 * @param deviceToken the browser's device token, if it sent one
	 */
	record Details(String address, @Nullable String deviceToken) implements Serializable {
	}

	/** A try that came before its wait was over: its password was not checked. */
	static class Refused extends AuthenticationException {

		private final Duration waitFor;

		Refused(Duration waitFor) {
			super("Too many failed sign-ins: try again in " + waitFor.toSeconds() + " s");
			this.waitFor = waitFor;
		}

		Duration waitFor() {
			return this.waitFor;
		}

	}

}
