package dev.postbox.domain;

/** A user's store-assigned id (Django's auth_user.id). */
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
