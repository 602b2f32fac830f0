package dev.podsite.episode;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * What kind of episode it is ({@code itunes:episodeType}): apps list trailers and bonus
 * episodes apart from full ones.
 */
public enum EpisodeType {

	FULL("full"), TRAILER("trailer"), BONUS("bonus");

	private final String value;

	EpisodeType(String value) {
		this.value = value;
	}

	/** The value as feeds write it: full, trailer or bonus. */
	@JsonValue
	public String value() {
		return this.value;
	}

	/** The type a feed names, in any case; empty for anything else. */
	public static Optional<EpisodeType> of(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		String lower = value.strip().toLowerCase(Locale.ROOT);
		for (EpisodeType type : values()) {
			if (type.value.equals(lower)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	@JsonCreator
	static @Nullable EpisodeType fromJson(@Nullable String value) {
		return of(value).orElse(null);
	}

	/** Stored as feeds write it, so the column reads like the feed. */
	@Converter(autoApply = true)
	static class Column implements AttributeConverter<EpisodeType, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable EpisodeType type) {
			return (type != null) ? type.value : null;
		}

		@Override
		public @Nullable EpisodeType convertToEntityAttribute(@Nullable String value) {
			return of(value).orElse(null);
		}

	}

}
