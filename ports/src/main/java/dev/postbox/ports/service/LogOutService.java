package dev.postbox.ports.service;

import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.LogOutUseCase;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;

/** Log out: the token's session is deleted (nothing to do when it is already gone). */
final class LogOutService implements LogOutUseCase {
    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;

    LogOutService(SessionRepository sessions, UnitOfWork unitOfWork) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void logOut(SessionToken token) {
        unitOfWork.run(() -> sessions.delete(token.hash()));
    }
}
