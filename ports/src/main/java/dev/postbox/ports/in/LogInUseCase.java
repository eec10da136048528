package dev.postbox.ports.in;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;

/**
 * Log in with username and password; a new session (and token) every time, so a token set
 * before login is never the one after. Unknown user, wrong password and inactive user all fail
 * the same way, in about the same time: {@link dev.postbox.domain.NotAuthenticatedException}
 * with code {@code login.failed}.
 */
public interface LogInUseCase {
    record LogIn(String username, String password) {
        @Override
        public String toString() {
            return "LogIn[" + username + "]";
        }
    }

    record LoggedIn(User user, SessionToken token, Session session) {
    }

    LoggedIn logIn(LogIn command);
}
