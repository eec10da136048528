package dev.postbox.domain;

/** A user's id, assigned by the user store when the user is inserted. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user ids are positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
