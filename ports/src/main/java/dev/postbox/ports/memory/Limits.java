package dev.postbox.ports.memory;

/** The bounds every store enforces on page sizes, so the in-memory store fails where a real one would. */
final class Limits {
    private Limits() {
    }

    static int check(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }
}
