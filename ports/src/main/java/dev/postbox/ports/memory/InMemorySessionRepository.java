package dev.postbox.ports.memory;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.UserId;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UserRepository;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory, keyed by token hash. Values are immutable {@link Session} records. A
 * session's user is looked up in the user repository given at construction (any store), since
 * sessions and users need not live in the same place here.
 */
public final class InMemorySessionRepository implements SessionRepository {
    private final ConcurrentHashMap<SessionTokenHash, Session> sessions = new ConcurrentHashMap<>();
    private final UserRepository users;

    /** @param users where the users of these sessions live, for {@link #findWithUser} */
    public InMemorySessionRepository(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void insert(Session session) {
        Objects.requireNonNull(session, "session");
        if (sessions.putIfAbsent(session.tokenHash(), session) != null) {
            throw new IllegalStateException("a session with this token hash already exists");
        }
    }

    @Override
    public Optional<Session> find(SessionTokenHash hash) {
        return Optional.ofNullable(sessions.get(hash));
    }

    @Override
    public Optional<SessionWithUser> findWithUser(SessionTokenHash hash) {
        return find(hash).flatMap(session -> users.findById(session.userId())
                .map(user -> new SessionWithUser(session, user)));
    }

    @Override
    public void touch(SessionTokenHash hash, Instant lastSeen, Instant expires) {
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(expires, "expires");
        sessions.computeIfPresent(hash, (key, session) -> session.touched(lastSeen, expires));
    }

    @Override
    public boolean delete(SessionTokenHash hash) {
        return sessions.remove(hash) != null;
    }

    @Override
    public int deleteAllForUser(UserId user) {
        Objects.requireNonNull(user, "user");
        int deleted = 0;
        for (Map.Entry<SessionTokenHash, Session> entry : sessions.entrySet()) {
            // remove(key, value) counts only what this call really removed, even under races
            if (entry.getValue().userId().equals(user) && sessions.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public int purgeExpired(Instant now, int batchSize) {
        Objects.requireNonNull(now, "now");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        int deleted = 0;
        for (Map.Entry<SessionTokenHash, Session> entry : sessions.entrySet()) {
            if (deleted == batchSize) {
                break;
            }
            if (entry.getValue().isExpiredAt(now) && sessions.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }
}
