package dev.postbox.ports.out;

import dev.postbox.domain.PasswordHash;

/** Makes and checks password hashes in Django's text formats. */
public interface PasswordHasher {
    enum Verification {
        NO_MATCH,
        MATCH,
        /** The password is right but the hash uses older or other parameters: store a new one. */
        MATCH_NEEDS_REHASH;

        public boolean matches() {
            return this != NO_MATCH;
        }
    }

    PasswordHash hash(String password);

    /** Never throws for a malformed hash: that is simply {@link Verification#NO_MATCH}. */
    Verification verify(String password, PasswordHash hash);
}
