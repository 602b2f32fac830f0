package dev.podsite.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * Answers kept pages (and their 304s) in Tomcat's pipeline, before the servlet filter
 * chain is built: a kept page needs no filter, and the chain (the proxy headers, the
 * character encoding, the wrappers around request and response) cost about a fourth of
 * such an answer (bench/README.md). Anything else goes on to the filters, where
 * PublicPageCache renders and keeps pages.
 */
class KeptPageValve extends ValveBase {

	private final PublicPageCache pages;

	KeptPageValve(PublicPageCache pages) {
		super(true);
		this.pages = pages;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		boolean answered;
		try {
			answered = this.pages.answerKept(request, response);
		}
		catch (InvalidParameterException ex) {
			// A query string that is no UTF-8 (?q=%FF): a bad request, as Tomcat
			// answers it when a servlet reads it first (it reads it once only).
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		if (!answered) {
			getNext().invoke(request, response);
		}
	}

}
