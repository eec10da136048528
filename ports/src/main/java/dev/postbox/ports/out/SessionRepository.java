package dev.postbox.ports.out;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live, keyed by the SHA-256 of their token. Returns sessions as stored (expired
 * ones too): the service decides what expiry means. May throw
 * {@link dev.postbox.domain.StoreUnavailableException}.
 */
public interface SessionRepository {
    /** Stores a new session. A second insert with the same hash is a programming error. */
    void insert(Session session);

    Optional<Session> find(SessionTokenHash hash);

    /** A session with the user it belongs to, both as stored when they were read. */
    record SessionWithUser(Session session, User user) {
        public SessionWithUser {
            java.util.Objects.requireNonNull(session, "session");
            java.util.Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The session and the user it belongs to, as stored now (expired sessions and inactive users
     * too), or empty when either is missing: what every logged-in request needs, so a store that
     * keeps both should answer in one round trip; one that does not looks the user up wherever
     * users live. Never cached: a logout or deactivation shows on the next call.
     */
    Optional<SessionWithUser> findWithUser(SessionTokenHash hash);

    /** Records a use of the session: new last-seen and expiry. No-op when it is gone. */
    void touch(SessionTokenHash hash, Instant lastSeen, Instant expires);

    /** @return true when a session was deleted */
    boolean delete(SessionTokenHash hash);

    /** Ends every session of the user. @return how many were deleted */
    int deleteAllForUser(UserId user);

    /**
     * Deletes at most {@code batchSize} sessions that expired at or before {@code now}; call
     * again until it returns less than {@code batchSize}. Small batches keep locks short.
     * A {@code batchSize} below 1 is an {@link IllegalArgumentException}.
     */
    int purgeExpired(Instant now, int batchSize);
}
