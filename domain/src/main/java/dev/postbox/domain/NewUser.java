package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;

/** A user not yet stored: everything but the id, which the store assigns. */
public record NewUser(Username username, Email email, PasswordHash passwordHash,
                      boolean superuser, boolean staff, boolean active, Instant dateJoined) {
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(dateJoined, "dateJoined");
    }

    public User withId(UserId id) {
        return new User(id, username, email, passwordHash, superuser, staff, active, dateJoined, null);
    }
}
