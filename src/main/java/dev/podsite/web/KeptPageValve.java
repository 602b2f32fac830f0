package dev.podsite.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

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
		if (!this.pages.answerKept(request, response)) {
			getNext().invoke(request, response);
		}
	}

}
