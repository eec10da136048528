package dev.postbox.ports.service;

import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.PasswordPolicy;
import dev.postbox.ports.out.IdGenerator;
import dev.postbox.ports.out.PasswordHasher;
import dev.postbox.ports.out.PasswordHasher.Verification;

import java.util.Optional;

/**
 * Hashes and checks passwords for the services, so that every check costs one hash: a user that
 * does not exist is checked against a decoy hash (no timing oracle tells unknown names apart),
 * and input longer than any password could be is never hashed as such.
 */
final class Passwords {
    /** Twice the policy's maximum: nobody's password is longer, so longer input is refused unhashed. */
    private static final int MAX_CHECKED_LENGTH = PasswordPolicy.MAX_LENGTH * 2;

    private final PasswordHasher hasher;
    private final IdGenerator ids;
    /** Made on first need, not at start: in a cold JVM the hash took a large share of the start. */
    private volatile PasswordHash decoy;

    Passwords(PasswordHasher hasher, IdGenerator ids) {
        this.hasher = hasher;
        this.ids = ids;
    }

    PasswordHash hash(String password) {
        return hasher.hash(password);
    }

    /**
     * Checks {@code password} (null counts as empty) against {@code stored}; with no stored hash
     * or an over-long password it verifies against the decoy instead and answers no match.
     */
    Verification check(String password, Optional<PasswordHash> stored) {
        String given = password == null ? "" : password;
        if (stored.isEmpty() || given.length() > MAX_CHECKED_LENGTH) {
            hasher.verify(given.length() > MAX_CHECKED_LENGTH ? "" : given, decoy());
            return Verification.NO_MATCH;
        }
        return hasher.verify(given, stored.get());
    }

    private PasswordHash decoy() {
        PasswordHash hash = decoy;
        if (hash == null) {
            synchronized (this) {
                hash = decoy;
                if (hash == null) {
                    hash = hasher.hash(ids.newCsrfSecret());
                    decoy = hash;
                }
            }
        }
        return hash;
    }
}
