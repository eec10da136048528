package dev.postbox.adapter.http;

/**
 * A failure of the HTTP layer itself (bad encoding, too large, CSRF, wrong media type): it never
 * reached a use case. The message is fixed text fit to show, never built from input.
 */
final class WebException extends RuntimeException {
    private final int status;
    private final String code;

    WebException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static WebException badRequest(String code, String message) {
        return new WebException(400, code, message);
    }

    static WebException csrf() {
        return new WebException(403, "csrf.failed",
                "The form's security token was missing or did not match. Reload the page and try again.");
    }

    static WebException tooLarge(int limit) {
        return new WebException(413, "request.too_large", "The request body is larger than " + (limit / 1024) + " KiB.");
    }

    static WebException unsupportedMediaType(String expected) {
        return new WebException(415, "request.media_type", "Send the body as " + expected + ".");
    }
}
