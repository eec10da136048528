package dev.postbox.ports.in;

import dev.postbox.domain.SessionToken;

/** Ends the session of this token; a no-op when it is already gone. */
public interface LogOutUseCase {
    void logOut(SessionToken token);
}
