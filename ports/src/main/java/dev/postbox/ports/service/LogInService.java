package dev.postbox.ports.service;

import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.LogInUseCase;
import dev.postbox.ports.out.PasswordHasher.Verification;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Log in: the throttle first, one password check whatever the outcome, then a new session. */
final class LogInService implements LogInUseCase {
    private final UserRepository users;
    private final Passwords passwords;
    private final LoginThrottle.Guard throttle;
    private final SessionStarter sessions;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    LogInService(UserRepository users, Passwords passwords, LoginThrottle.Guard throttle, SessionStarter sessions,
                 Clock clock, UnitOfWork unitOfWork) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public LoggedIn logIn(LogIn command) {
        return unitOfWork.run(() -> {
            Instant now = clock.instant();
            // before any look-up or hash: a refused attempt costs no CPU and reveals nothing
            throttle.check(command.username(), command.clientAddress(), now);
            Optional<User> found = Username.tryParse(command.username()).flatMap(users::findByUsername);
            Verification verification = passwords.check(command.password(), found.map(User::passwordHash));
            if (!verification.matches() || !found.get().active()) {
                throttle.failed(command.username(), command.clientAddress(), now);
                throw new NotAuthenticatedException("login.failed",
                        "Please enter a correct username and password. Note that both fields may be case-sensitive.");
            }
            throttle.succeeded(command.username());
            User user = found.get();
            if (verification == Verification.MATCH_NEEDS_REHASH) {
                PasswordHash upgraded = passwords.hash(command.password());
                users.updatePassword(user.id(), upgraded);
                user = user.withPasswordHash(upgraded);
            }
            users.recordLogin(user.id(), now);
            return sessions.start(user.withLastLogin(now), now);
        });
    }
}
