package dev.postbox.adapter.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers before Javalin sees the request (a malformed request line or URI, headers
 * too large): the same headers and look as our own error pages, and no detail at all.
 */
final class JettyErrors extends ErrorHandler {
    private final String instance;

    JettyErrors(String instance) {
        this.instance = instance;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        decorate(headers);
        if (code == 503) {
            // the concurrency limit answers here: tell clients and balancers when to come back
            headers.put(HttpHeader.RETRY_AFTER, Integer.toString(RetryAfter.UNAVAILABLE_SECONDS));
        }
        response.write(true, ByteBuffer.wrap(page(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        decorate(fields);
        return ByteBuffer.wrap(page(status));
    }

    private void decorate(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("Content-Security-Policy", Filters.CSP);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Postbox-Instance", instance);
    }

    private static byte[] page(int status) {
        String title = Failures.titleFor(status);
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · Postbox</title><link rel=\"stylesheet\" href=\"" + StaticAssets.url("postbox.css") + "\"></head>"
                + "<body><main class=\"wrap\"><section class=\"card error-page\"><p class=\"status\">" + status + "</p>"
                + "<h1>" + title + "</h1><p class=\"lead\">" + Failures.textFor(status) + "</p>"
                + "<p class=\"actions\"><a class=\"button\" href=\"/posts/\">Go to the start page</a></p>"
                + "</section></main></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
