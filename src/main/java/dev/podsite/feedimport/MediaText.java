package dev.podsite.feedimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The text of a fetched chapter or transcript file: in the charset its byte order mark or
 * its Content-Type names, else UTF-8 (which WebVTT and JSON require). Bytes that are no
 * character of it become U+FFFD, so junk reaches the readers as text they refuse in
 * words.
 */
final class MediaText {

	private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)");

	private MediaText() {
	}

	static String decode(byte[] body, @Nullable String contentType) {
		if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
			return decode(body, 3, StandardCharsets.UTF_8);
		}
		if (startsWith(body, 0xFE, 0xFF)) {
			return decode(body, 2, StandardCharsets.UTF_16BE);
		}
		if (startsWith(body, 0xFF, 0xFE)) {
			return decode(body, 2, StandardCharsets.UTF_16LE);
		}
		return decode(body, 0, charset(contentType));
	}

	private static Charset charset(@Nullable String contentType) {
		Matcher charset = CHARSET.matcher((contentType != null) ? contentType : "");
		if (charset.find()) {
			try {
				return Charset.forName(charset.group(1));
			}
			catch (IllegalArgumentException ex) {
				// An unknown charset says nothing: the formats' own default.
			}
		}
		return StandardCharsets.UTF_8;
	}

	private static String decode(byte[] body, int from, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(body, from, body.length - from))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("A replacing decoder does not fail", ex);
		}
	}

	private static boolean startsWith(byte[] body, int... prefix) {
		if (body.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((body[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
