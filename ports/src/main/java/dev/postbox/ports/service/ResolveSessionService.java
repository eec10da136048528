package dev.postbox.ports.service;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.SessionRepository.SessionWithUser;
import dev.postbox.ports.out.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Cookie token to current user; deletes an expired session, renews the expiry at most once per interval. */
final class ResolveSessionService implements ResolveSessionUseCase {
    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    ResolveSessionService(SessionRepository sessions, SessionPolicy policy, Clock clock, UnitOfWork unitOfWork) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<CurrentUser> resolve(SessionToken token) {
        return unitOfWork.run(() -> {
            // one read per request: the session with its user (one round trip where the store can)
            Optional<SessionWithUser> found = sessions.findWithUser(token.hash());
            if (found.isEmpty()) {
                return Optional.<CurrentUser>empty();
            }
            Session session = found.get().session();
            Instant now = clock.instant();
            if (session.isExpiredAt(now)) {
                sessions.delete(session.tokenHash());
                return Optional.<CurrentUser>empty();
            }
            if (!found.get().user().active()) {
                return Optional.<CurrentUser>empty();
            }
            if (policy.needsTouch(session, now)) {
                session = policy.touch(session, now);
                sessions.touch(session.tokenHash(), session.lastSeen(), session.expires());
            }
            return Optional.of(new CurrentUser(found.get().user(), session));
        });
    }
}
