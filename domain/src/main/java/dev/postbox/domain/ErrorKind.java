package dev.postbox.domain;

/**
 * The few kinds of failure the whole project distinguishes. Adapters map a kind to an HTTP status
 * or a CLI exit code in one place each; the {@link #exitCode()} is the CLI's.
 */
public enum ErrorKind {
    /** Input broke a rule; the message says which. HTTP 400 (422 in the API). */
    INVALID_INPUT(65),
    /** No valid session, or wrong credentials. HTTP 401 / redirect to login. */
    NOT_AUTHENTICATED(77),
    /** Authenticated but not allowed. HTTP 403. */
    FORBIDDEN(77),
    /** The thing asked for does not exist. HTTP 404. */
    NOT_FOUND(66),
    /** The change clashes with existing data (for example a taken username). HTTP 409. */
    CONFLICT(73),
    /** Too many attempts; try again later. HTTP 429. */
    THROTTLED(75),
    /** A store could not be reached in time. HTTP 503 with Retry-After. */
    UNAVAILABLE(69);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The CLI exit code for this kind (sysexits.h style). */
    public int exitCode() {
        return exitCode;
    }
}
