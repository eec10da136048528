package dev.postbox.ports.service;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.SessionRepository;

import java.time.Instant;

/** Starts a session: a new random token (never one the client had) and a new CSRF secret. */
final class SessionStarter {
    private final SessionRepository sessions;
    private final IdGenerator ids;
    private final SessionPolicy policy;

    SessionStarter(SessionRepository sessions, IdGenerator ids, SessionPolicy policy) {
        this.sessions = sessions;
        this.ids = ids;
        this.policy = policy;
    }

    LoggedIn start(User user, Instant now) {
        SessionToken token = ids.newSessionToken();
        Session session = policy.start(token.hash(), user.id(), now, ids.newCsrfSecret());
        sessions.insert(session);
        return new LoggedIn(user, token, session);
    }
}
