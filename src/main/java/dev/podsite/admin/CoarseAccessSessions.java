package dev.podsite.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The host's sessions as the session store keeps them, with their last access recorded
 * once per {@code step} rather than on every request. Recording it on every request wrote
 * (and with fsync on, flushed) a row per page the host opened, which cost more than
 * rendering the page; a session that expires after 30 idle minutes loses nothing by being
 * a minute late.
 *
 * @param <S> the store's sessions
 */
final class CoarseAccessSessions<S extends Session>
		implements FindByIndexNameSessionRepository<CoarseAccessSessions.Coarse<S>> {

	private final FindByIndexNameSessionRepository<S> store;

	private final Duration step;

	private CoarseAccessSessions(FindByIndexNameSessionRepository<S> store, Duration step) {
		this.store = store;
		this.step = step;
	}

	static <S extends Session> CoarseAccessSessions<S> of(FindByIndexNameSessionRepository<S> store, Duration step) {
		return new CoarseAccessSessions<>(store, step);
	}

	@Override
	public Coarse<S> createSession() {
		return new Coarse<>(this.store.createSession(), this.step);
	}

	@Override
	public void save(Coarse<S> session) {
		this.store.save(session.stored);
	}

	@Override
	public @Nullable Coarse<S> findById(String id) {
		S stored = this.store.findById(id);
		return (stored != null) ? new Coarse<>(stored, this.step) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	@Override
	public Map<String, Coarse<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Coarse<S>> found = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, stored) -> found.put(id, new Coarse<>(stored, this.step)));
		return found;
	}

	/** A stored session whose last access moves only in steps. */
	static final class Coarse<S extends Session> implements Session {

		private final S stored;

		private final Duration step;

		Coarse(S stored, Duration step) {
			this.stored = stored;
			this.step = step;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(this.step))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
