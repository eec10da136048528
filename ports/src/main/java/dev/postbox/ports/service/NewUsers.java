package dev.postbox.ports.service;

import dev.postbox.domain.Email;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.InvalidInputException.Violation;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.Username;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The sign-up rules, for users and superusers alike: every broken rule reported at once, by field. */
final class NewUsers {
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Clock clock;

    NewUsers(Passwords passwords, PasswordPolicy policy, Clock clock) {
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
    }

    /** An active user; a superuser is staff as well (Django's createsuperuser). */
    NewUser from(String rawUsername, String rawEmail, String password, boolean superuser) {
        List<Violation> violations = new ArrayList<>();
        Username username = collect(violations, () -> new Username(rawUsername));
        Email email = collect(violations, () -> new Email(rawEmail));
        collect(violations, () -> {
            policy.check(password, username);
            return null;
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new NewUser(username, email, passwords.hash(password), superuser, superuser, true, clock.instant());
    }

    private static <T> T collect(List<Violation> violations, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }
}
