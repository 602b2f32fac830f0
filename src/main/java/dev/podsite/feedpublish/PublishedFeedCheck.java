package dev.podsite.feedpublish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The feed check of {@code /feed.xml} as the site serves it now: the rendered bytes read
 * back, checked once per rendering.
 */
@Component
public class PublishedFeedCheck {

	private final PublishedFeed feed;

	private volatile @Nullable Checked last;

	PublishedFeedCheck(PublishedFeed feed) {
		this.feed = feed;
	}

	/** The findings, or empty while the site has no feed yet. */
	public Optional<List<FeedFinding>> findings() {
		Optional<RenderedFeed> current = this.feed.get();
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Checked checked = this.last;
		if (checked == null || !checked.etag().equals(current.get().etag())) {
			checked = new Checked(current.get().etag(), check(current.get().xml()));
			this.last = checked;
		}
		return Optional.of(checked.findings());
	}

	private static List<FeedFinding> check(byte[] xml) {
		SAXBuilder builder = new SAXBuilder();
		builder.setExpandEntities(false);
		try {
			Document document = builder.build(new ByteArrayInputStream(xml));
			return FeedCheck.check(document, xml.length);
		}
		catch (JDOMException | IOException ex) {
			throw new IllegalStateException("The site's own feed could not be read back", ex);
		}
	}

	private record Checked(String etag, List<FeedFinding> findings) {
	}

}
