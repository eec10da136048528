package dev.postbox.ports.in;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;

import java.util.Optional;

/**
 * Turns a cookie token into the current user: empty when the session is unknown, expired, or its
 * user is gone or inactive. Renews the sliding expiry, writing at most once per touch interval.
 */
public interface ResolveSessionUseCase {
    record CurrentUser(User user, Session session) {
    }

    Optional<CurrentUser> resolve(SessionToken token);
}
