package dev.podsite.feedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image's format and size in pixels, read from its header alone: a 3000 × 3000 JPEG is
 * never decoded into 36 MB of pixels just to learn its size.
 *
 * @param format the format's name as ImageIO knows it, in lower case: "jpeg", "png",
 * "gif", ...
 * @param width in pixels
 * @param height in pixels
 */
record ArtworkImage(String format, int width, int height) {

	/** The image's header, or empty when no reader knows the bytes or they are broken. */
	static Optional<ArtworkImage> read(byte[] bytes) {
		// In memory: ImageIO's default cache would copy the stream into a temporary file.
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return Optional.of(new ArtworkImage(reader.getFormatName().toLowerCase(Locale.ROOT), reader.getWidth(0),
						reader.getHeight(0)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
