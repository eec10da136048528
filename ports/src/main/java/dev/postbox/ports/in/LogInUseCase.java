package dev.postbox.ports.in;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;

/**
 * Log in with username and password; a new session (and token) every time, so a token set
 * before login is never the one after. Unknown user, wrong password and inactive user all fail
 * the same way, in about the same time: {@link dev.postbox.domain.NotAuthenticatedException}
 * with code {@code login.failed}. Too many failures for the username or the client address make
 * further attempts fail fast with {@link dev.postbox.domain.ThrottledException} (code
 * {@code login.throttled}, with a retry-after), whether or not the user exists.
 */
public interface LogInUseCase {
    /**
     * @param clientAddress where the attempt came from (an IP address as the web layer determined
     *                      it), counted by the login throttle; null when there is no such thing
     *                      (the CLI, an embedder), which only the per-username limit then covers
     */
    record LogIn(String username, String password, String clientAddress) {
        public LogIn(String username, String password) {
            this(username, password, null);
        }

        @Override
        public String toString() {
            return "LogIn[" + username + " from " + clientAddress + "]";
        }
    }

    record LoggedIn(User user, SessionToken token, Session session) {
    }

    LoggedIn logIn(LogIn command);
}
