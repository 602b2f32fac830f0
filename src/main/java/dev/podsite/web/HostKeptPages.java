package dev.podsite.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContext;

/**
 * The signed-in host's public pages from the kept pages anonymous visitors get, with the
 * host's links (Admin, Sign out) put into the site nav: the one part of a public page
 * that is the host's alone (layout.html's {@code host-links}). Only that fragment is
 * rendered, for each request, as a page's rendering renders it (its sign-out form carries
 * the request's CSRF token). After the security filters, which tell who is signed in and
 * add the headers of a private page; a page not kept goes on to be rendered.
 */
class HostKeptPages extends OncePerRequestFilter {

	private static final Set<String> HOST_LINKS = Set.of("host-links");

	private final PublicPageCache pages;

	private final ITemplateEngine templates;

	HostKeptPages(PublicPageCache pages, ITemplateEngine templates) {
		this.pages = pages;
		this.templates = templates;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PublicPageCache.readsAPage(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SiteModel.signedIn()
				|| !this.pages.answerForHost(request, response, (language) -> hostLinks(request, response, language))) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * The layout's host links in the page's language, with what Spring adds to a form in
	 * a page's rendering (the CSRF token's hidden input), as ThymeleafView renders them.
	 */
	private String hostLinks(HttpServletRequest request, HttpServletResponse response, Locale language) {
		ServletContext servletContext = request.getServletContext();
		Map<String, Object> variables = new HashMap<>();
		variables.put("signedIn", true);
		variables.put(SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT, new SpringWebMvcThymeleafRequestContext(
				new RequestContext(request, response, servletContext, variables), request));
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response),
				language, variables);
		return this.templates.process("fragments/layout", HOST_LINKS, context);
	}

}
