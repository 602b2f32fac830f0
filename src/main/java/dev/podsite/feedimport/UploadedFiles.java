package dev.podsite.feedimport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.podsite.episode.EpisodeFile;
import dev.podsite.episode.TranscriptType;
import dev.podsite.support.Counts;
import dev.podsite.support.HostNotice;
import dev.podsite.support.SiteProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Checks a chapters or transcript file the host uploads with the readers the import uses,
 * so the site never serves a file it cannot read itself: Podcasting 2.0 JSON chapters;
 * WebVTT, SubRip or Podcasting 2.0 JSON transcripts, told by their start, else by their
 * name. At most {@code podsite.media-files.max-bytes}, in UTF-8 (or UTF-16 with a byte
 * order mark), stored and served as UTF-8.
 */
@Component
public class UploadedFiles {

	private final long maxBytes;

	private final URI site;

	UploadedFiles(MediaFilesProperties properties, SiteProperties site) {
		this.maxBytes = properties.maxBytes().toBytes();
		this.site = URI.create(site.url("/"));
	}

	/** The largest file accepted. */
	public long maxBytes() {
		return this.maxBytes;
	}

	/** A file larger than the site accepts. */
	public Checked tooLarge() {
		return Checked.refused(HostNotice.of("upload.tooLarge", words(this.maxBytes)));
	}

	/**
	 * The file ready to store, or what is wrong with it.
	 * @param name the name of the host's file, if the browser gave one
	 */
	public Checked check(EpisodeFile.Kind kind, @Nullable String name, byte[] bytes) {
		if (bytes.length == 0) {
			return Checked.refused(HostNotice.of("upload.empty"));
		}
		if (bytes.length > this.maxBytes) {
			return tooLarge();
		}
		String text = utf8(bytes);
		if (text == null) {
			return Checked.refused(HostNotice.of("upload.notUtf8"));
		}
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		try {
			if (kind == EpisodeFile.Kind.CHAPTERS) {
				int chapters = JsonChapters.parse(text, this.site).items().size();
				if (chapters == 0) {
					return Checked.refused(HostNotice.of("upload.noChapters"));
				}
				return new Checked(new EpisodeFile.Upload(kind, null, name, body),
						HostNotice.of("upload.holds.chapters", chapters, Counts.form(chapters)), null);
			}
			TranscriptFormat format = format(text, name);
			if (format == null) {
				return Checked.refused(HostNotice.of("upload.notATranscript"));
			}
			int cues = format.parse(text).items().size();
			if (cues == 0) {
				return Checked.refused(HostNotice.of("upload.noCues", format.label()));
			}
			return new Checked(new EpisodeFile.Upload(kind, type(format), name, body),
					HostNotice.of("upload.holds.cues", cues, Counts.form(cues), format.label()), null);
		}
		catch (MalformedFileException ex) {
			return Checked.refused(HostNotice.of("upload.malformed", ex.reason()));
		}
	}

	/**
	 * The format its start says, else its name's extension: only those a host uploads.
	 */
	private static @Nullable TranscriptFormat format(String text, @Nullable String name) {
		TranscriptFormat sniffed = TranscriptFormat.sniffed(text);
		TranscriptFormat format = (sniffed != null) ? sniffed
				: TranscriptType.ofName(name).map(UploadedFiles::format).orElse(null);
		return (format == TranscriptFormat.JSON || format == TranscriptFormat.WEBVTT
				|| format == TranscriptFormat.SUBRIP) ? format : null;
	}

	private static @Nullable TranscriptFormat format(TranscriptType type) {
		return switch (type) {
			case WEBVTT -> TranscriptFormat.WEBVTT;
			case SUBRIP -> TranscriptFormat.SUBRIP;
			case JSON -> TranscriptFormat.JSON;
			default -> null;
		};
	}

	private static TranscriptType type(TranscriptFormat format) {
		return switch (format) {
			case WEBVTT -> TranscriptType.WEBVTT;
			case SUBRIP -> TranscriptType.SUBRIP;
			default -> TranscriptType.JSON;
		};
	}

	/**
	 * The text, from UTF-8 or a UTF-16 with its byte order mark; null for other bytes.
	 */
	private static @Nullable String utf8(byte[] bytes) {
		Charset charset = StandardCharsets.UTF_8;
		int from = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			from = 3;
		}
		else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
			charset = StandardCharsets.UTF_16BE;
			from = 2;
		}
		else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
			charset = StandardCharsets.UTF_16LE;
			from = 2;
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * What came of the check.
	 *
	 * @param upload the file to store, null when refused
	 * @param holds what it holds, e.g. "42 cues of WebVTT", for the host
	 * @param problem why it was refused, as a sentence for the host
	 */
	public record Checked(EpisodeFile.@Nullable Upload upload, @Nullable HostNotice holds,
			@Nullable HostNotice problem) {

		public static Checked refused(HostNotice problem) {
			return new Checked(null, null, problem);
		}

	}

	/**
	 * A size in words as Spring's DataSize counts it (1 MB is 1,024 KB): "5 MB", "812
	 * KB", "1.5 MB" (in Romanian "1,5 MB").
	 */
	public static HostNotice words(long bytes) {
		if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
			double megabytes = Math.round(bytes / 104_857.6) / 10.0;
			return HostNotice.of("size.mb",
					(megabytes == Math.rint(megabytes)) ? (Number) (long) megabytes : (Number) megabytes);
		}
		return (bytes >= 1024) ? HostNotice.of("size.kb", bytes / 1024)
				: HostNotice.of("size.bytes", bytes, Counts.form(bytes));
	}

}
