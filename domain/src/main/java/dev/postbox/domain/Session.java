package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in session as stored: keyed by the token's hash, never the token.
 *
 * @param csrfSecret the synchronizer token forms of this session must send back
 */
public record Session(SessionTokenHash tokenHash, UserId userId, Instant created, Instant lastSeen,
                      Instant expires, String csrfSecret) {
    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(csrfSecret, "csrfSecret");
        if (expires.isBefore(created)) {
            throw new IllegalArgumentException("a session cannot expire before it was created");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    public Session touched(Instant now, Instant newExpiry) {
        return new Session(tokenHash, userId, created, now, newExpiry, csrfSecret);
    }

    @Override
    public String toString() {
        return "Session[" + tokenHash + ", user " + userId + ", expires " + expires + "]";
    }
}
