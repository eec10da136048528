package dev.postbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user account. Immutable: changes make a new value.
 *
 * @param lastLogin null until the first login
 */
public record User(UserId id, Username username, Email email, PasswordHash passwordHash,
                   boolean superuser, boolean staff, boolean active,
                   Instant dateJoined, Instant lastLogin) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(dateJoined, "dateJoined");
    }

    public Optional<Instant> lastLoginTime() {
        return Optional.ofNullable(lastLogin);
    }

    public User withPasswordHash(PasswordHash hash) {
        return new User(id, username, email, hash, superuser, staff, active, dateJoined, lastLogin);
    }

    public User withLastLogin(Instant time) {
        return new User(id, username, email, passwordHash, superuser, staff, active, dateJoined, time);
    }

    public User withActive(boolean value) {
        return new User(id, username, email, passwordHash, superuser, staff, value, dateJoined, lastLogin);
    }

    public User withStaff(boolean value) {
        return new User(id, username, email, passwordHash, superuser, value, active, dateJoined, lastLogin);
    }
}
