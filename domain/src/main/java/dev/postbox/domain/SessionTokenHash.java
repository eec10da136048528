package dev.postbox.domain;

/** The SHA-256 of a session token as 64 lower-case hex digits: the stores' key for a session. */
public record SessionTokenHash(String hex) {
    public SessionTokenHash {
        if (hex == null || hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a session token hash is 64 lower-case hex digits");
        }
    }

    /** A shortened form for logs: enough to correlate, useless to an attacker. */
    @Override
    public String toString() {
        return "SessionTokenHash[" + hex.substring(0, 8) + "…]";
    }
}
