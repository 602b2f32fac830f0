package dev.podsite.feedimport;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import org.jspecify.annotations.Nullable;

import dev.podsite.support.HostNotice;

/**
 * Notices in their jsonb columns: a message key with its arguments, never words.
 */
final class NoticeColumns {

	private NoticeColumns() {
	}

	static final class Notice implements AttributeConverter<HostNotice, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable HostNotice notice) {
			return (notice != null) ? notice.toJson() : null;
		}

		@Override
		public @Nullable HostNotice convertToEntityAttribute(@Nullable String json) {
			return (json != null) ? HostNotice.fromJson(json) : null;
		}

	}

	static final class NoticeList implements AttributeConverter<List<HostNotice>, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable List<HostNotice> notices) {
			return (notices != null) ? HostNotice.toJson(notices) : null;
		}

		@Override
		public @Nullable List<HostNotice> convertToEntityAttribute(@Nullable String json) {
			return (json != null) ? HostNotice.listFromJson(json) : null;
		}

	}

}
