package dev.podsite.feedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Parses a fetched feed with Rome. The charset comes from the XML declaration or the HTTP
 * header; a DOCTYPE is refused, which also shuts out XXE and entity expansion.
 */
final class FeedReader {

	private FeedReader() {
	}

	static SyndFeed parse(FetchedFeed fetched) throws FeedImportException {
		if (fetched.body().length == 0) {
			throw new FeedImportException("The feed at " + fetched.url() + " is empty.");
		}
		SyndFeedInput input = new SyndFeedInput(false, Locale.US);
		input.setPreserveWireFeed(true);
		input.setAllowDoctypes(false);
		try (XmlReader reader = xmlReader(fetched)) {
			return input.build(reader);
		}
		catch (ParsingFeedException ex) {
			throw new FeedImportException(describe(ex, fetched), ex);
		}
		catch (FeedException | IllegalArgumentException ex) {
			throw new FeedImportException(
					"The document at " + fetched.url() + " is not an RSS or Atom feed (" + ex.getMessage() + ").", ex);
		}
		catch (IOException ex) {
			throw new FeedImportException("The feed at " + fetched.url() + " could not be decoded: " + ex.getMessage(),
					ex);
		}
	}

	private static XmlReader xmlReader(FetchedFeed fetched) throws IOException {
		InputStream body = new ByteArrayInputStream(fetched.body());
		return (fetched.contentType() != null) ? new XmlReader(body, fetched.contentType(), true)
				: new XmlReader(body, true);
	}

	private static String describe(ParsingFeedException ex, FetchedFeed fetched) {
		String detail = (ex.getCause() != null && ex.getCause().getMessage() != null) ? ex.getCause().getMessage()
				: ex.getMessage();
		if (detail != null && detail.contains("DOCTYPE")) {
			return "The feed at " + fetched.url()
					+ " declares a DOCTYPE, which we do not read (it could make the parser read local files"
					+ " or expand entities without end).";
		}
		return "The feed at " + fetched.url() + " is not valid XML at line " + ex.getLineNumber() + ", column "
				+ ex.getColumnNumber() + ": " + detail;
	}

}
