package dev.postbox.ports.service;

import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.InvalidInputException.Violation;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.User;
import dev.postbox.ports.in.ChangePasswordUseCase;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;

import java.time.Clock;
import java.util.Optional;

/** Change password: the old one must match, the new one pass the policy; every session ends, a new one starts. */
final class ChangePasswordService implements ChangePasswordUseCase {
    private final ResolveSessionUseCase currentUser;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final SessionStarter starter;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    ChangePasswordService(ResolveSessionUseCase currentUser, UserRepository users, SessionRepository sessions,
                          Passwords passwords, PasswordPolicy policy, SessionStarter starter, Clock clock,
                          UnitOfWork unitOfWork) {
        this.currentUser = currentUser;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.policy = policy;
        this.starter = starter;
        this.clock = clock;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public LoggedIn changePassword(ChangePassword command) {
        return unitOfWork.run(() -> {
            User user = currentUser.resolve(command.session()).orElseThrow(() ->
                    new NotAuthenticatedException("session.required", "Please log in first.")).user();
            if (!passwords.check(command.oldPassword(), Optional.of(user.passwordHash())).matches()) {
                throw new InvalidInputException("old_password", "password.wrong",
                        "Your old password was entered incorrectly. Please enter it again.");
            }
            try {
                policy.check(command.newPassword(), user.username());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.violations().stream()
                        .map(v -> new Violation("new_password", v.code(), v.message())).toList());
            }
            PasswordHash hash = passwords.hash(command.newPassword());
            users.updatePassword(user.id(), hash);
            sessions.deleteAllForUser(user.id());
            return starter.start(user.withPasswordHash(hash), clock.instant());
        });
    }
}
