package dev.postbox.domain;

import java.util.Objects;

/**
 * A stored password hash in Django's text format ({@code argon2$argon2id$...} or
 * {@code pbkdf2_sha256$iterations$salt$hash}). Opaque to the domain; {@link #toString()} hides it
 * so it never lands in a log by accident.
 */
public record PasswordHash(String value) {
    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    /** The algorithm prefix, e.g. {@code argon2} or {@code pbkdf2_sha256}. */
    public String algorithm() {
        int dollar = value.indexOf('$');
        return dollar < 0 ? "" : value.substring(0, dollar);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "$***]";
    }
}
