package dev.postbox.adapter.http;

import dev.postbox.domain.ErrorKind;

/** The one place where a domain error kind becomes an HTTP status. */
final class ErrorStatus {
    private ErrorStatus() {
    }

    /** Status for HTML pages; a form re-rendered with errors uses the same status. */
    static int page(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_AUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** Status for the JSON API: like pages, but validation is 422 (the request was well-formed JSON). */
    static int api(ErrorKind kind) {
        return kind == ErrorKind.INVALID_INPUT ? 422 : page(kind);
    }
}
