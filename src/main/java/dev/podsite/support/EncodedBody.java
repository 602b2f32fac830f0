package dev.podsite.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes the site serves many times between changes, with their gzip and Brotli forms made
 * once, and the hash their validators are made of.
 *
 * @param identity the bytes as they are
 * @param gzip the same bytes gzipped
 * @param brotli the same bytes compressed with Brotli; null where Brotli's native library
 * is not available (a platform brotli4j has no build for)
 * @param hash the hash of {@code identity}, for the validators (ContentCoding#etag)
 */
public record EncodedBody(byte[] identity, byte[] gzip, byte @Nullable [] brotli, String hash) {

	private static final Logger log = LoggerFactory.getLogger(EncodedBody.class);

	// Brotli's quality 6 makes pages a fifth smaller than gzip in about gzip's time; its
	// best (11) would cost a page's first visitor tens of milliseconds. The feed
	// (megabytes)
	// takes 5.
	private static final int LARGE = 512 * 1024;

	private static final boolean BROTLI = brotliAvailable();

	public static EncodedBody of(byte[] identity) {
		return new EncodedBody(identity, gzip(identity), brotli(identity), Hashes.etag(identity));
	}

	/** The bytes in that coding. */
	public byte[] bytes(ContentCoding coding) {
		return switch (coding) {
			case IDENTITY -> this.identity;
			case GZIP -> this.gzip;
			case BROTLI -> (this.brotli != null) ? this.brotli : this.gzip;
		};
	}

	/** The strong validator of the bytes in that coding. */
	public String etag(ContentCoding coding) {
		return coding.etag(this.hash);
	}

	/** Which coding of these bytes a client with that Accept-Encoding gets. */
	public ContentCoding codingFor(@Nullable String acceptEncoding) {
		return ContentCoding.preferred(acceptEncoding, this.brotli != null);
	}

	/** What the three forms take together. */
	public long length() {
		return (long) this.identity.length + this.gzip.length + ((this.brotli != null) ? this.brotli.length : 0);
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte @Nullable [] brotli(byte[] bytes) {
		if (!BROTLI) {
			return null;
		}
		try {
			return Encoder.compress(bytes,
					new Encoder.Parameters().setMode(Encoder.Mode.TEXT).setQuality((bytes.length > LARGE) ? 5 : 6));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean brotliAvailable() {
		if (Brotli4jLoader.isAvailable()) {
			return true;
		}
		log.info("Brotli is not available on this platform ({}): pages and the feed are served gzipped only",
				String.valueOf(Brotli4jLoader.getUnavailabilityCause()));
		return false;
	}

	@Override
	public String toString() {
		return "EncodedBody[" + this.identity.length + " bytes, " + this.gzip.length + " gzipped, hash " + this.hash
				+ "]";
	}

}
