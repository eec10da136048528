package dev.postbox.ports.service;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.UserId;
import dev.postbox.ports.out.SessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session store seen through a short memory: a session read with its user is answered from
 * memory for up to {@code ttl} after it was read, so a client making many requests costs one
 * store read per {@code ttl} instead of one per request.
 * <p>
 * The bound this documents (docs/configuration.md: {@code POSTBOX_SESSION_CACHE_TTL}): a logout,
 * password change or deactivation made through this object applies to it at once; one made by
 * another instance applies here within {@code ttl} (plus the replica's lag, as without a cache).
 * A staff flag changed anywhere shows within {@code ttl}. Only found sessions are kept (an
 * unknown token is read every time: guessing tokens fills nothing), at most {@code maxEntries}.
 */
final class CachedSessions implements SessionRepository {
    private record Entry(SessionWithUser value, long readAtMillis) {
    }

    private final SessionRepository store;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ConcurrentHashMap<SessionTokenHash, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every invalidation: a read that began before one must not keep what it read. */
    private final AtomicLong invalidations = new AtomicLong();

    CachedSessions(SessionRepository store, Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("the session cache needs a positive time to live and size");
        }
        this.store = store;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<SessionWithUser> findWithUser(SessionTokenHash hash) {
        long now = clock.millis();
        Entry cached = entries.get(hash);
        if (cached != null && fresh(cached, now)) {
            return Optional.of(cached.value());
        }
        long before = invalidations.get();
        Optional<SessionWithUser> found = store.findWithUser(hash);
        if (found.isEmpty()) {
            entries.remove(hash);
            return found;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry entry = new Entry(found.get(), now);
        entries.put(hash, entry);
        if (invalidations.get() != before) {  // a logout here may have raced this read
            entries.remove(hash, entry);
        }
        return found;
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry e, long now) {
        long age = now - e.readAtMillis();
        return age >= 0 && age < ttlMillis;  // a clock stepped back ends the entry too
    }

    @Override
    public void touch(SessionTokenHash hash, Instant lastSeen, Instant expires) {
        store.touch(hash, lastSeen, expires);
        // keeps the entry, or every hit until it ends would see "needs a touch" and write again
        entries.computeIfPresent(hash, (k, e) -> new Entry(
                new SessionWithUser(e.value().session().touched(lastSeen, expires), e.value().user()), e.readAtMillis()));
    }

    @Override
    public boolean delete(SessionTokenHash hash) {
        boolean deleted = store.delete(hash);  // the store first: a read after this finds nothing
        invalidations.incrementAndGet();
        entries.remove(hash);
        return deleted;
    }

    @Override
    public int deleteAllForUser(UserId user) {
        int deleted = store.deleteAllForUser(user);
        invalidations.incrementAndGet();
        entries.values().removeIf(e -> e.value().user().id().equals(user));
        return deleted;
    }

    @Override
    public void insert(Session session) {
        store.insert(session);
    }

    @Override
    public Optional<Session> find(SessionTokenHash hash) {
        return store.find(hash);
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        return store.purgeExpired(now, batchSize);  // callers check expiry on every hit anyway
    }
}
