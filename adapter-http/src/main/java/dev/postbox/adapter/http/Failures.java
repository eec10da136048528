package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postbox.domain.DomainException;
import dev.postbox.domain.ErrorKind;
import dev.postbox.domain.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failure ends here and becomes a friendly page or an RFC 9457 problem: never a stack trace
 * or an internal message. Domain errors keep their message (written to be shown); anything else
 * gets a fixed text for its status.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    static final String PROBLEM_JSON = "application/problem+json";

    private final Pages pages;
    private final ObjectMapper json;

    Failures(Pages pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
    }

    static boolean isApi(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/api/") || path.startsWith("/health/");
    }

    void handle(Exception e, Context ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (e instanceof DomainException domain) {
            domain(ctx, domain);
        } else if (e instanceof WebException web) {
            respond(ctx, web.status(), web.code(), web.getMessage(), List.of());
        } else if (e instanceof HttpResponseException http) {
            int status = http.getStatus();
            if (status == 405) {
                String allowed = String.join(", ", http.getDetails().values());
                if (!allowed.isBlank()) {
                    ctx.header("Allow", allowed.toUpperCase(java.util.Locale.ROOT));
                }
            }
            respond(ctx, status, codeFor(status), textFor(status), List.of());
        } else {
            LOG.error("request {} {} {} failed", exchange.requestId, ctx.method(), ctx.path(), e);
            respond(ctx, 500, "server.error", textFor(500), List.of());
        }
    }

    private void domain(Context ctx, DomainException e) {
        boolean api = isApi(ctx);
        ErrorKind kind = e.kind();
        if (kind == ErrorKind.NOT_AUTHENTICATED && !api) {
            String next = ctx.method() == HandlerType.GET ? pathWithQuery(ctx) : null;
            ctx.redirect(next == null ? "/accounts/login/" : "/accounts/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                    ctx.method() == HandlerType.GET ? HttpStatus.FOUND : HttpStatus.SEE_OTHER);
            return;
        }
        RetryAfter.set(ctx, e);
        if (kind == ErrorKind.UNAVAILABLE) {
            LOG.warn("request {} {} {}: {}", Exchange.of(ctx).requestId, ctx.method(), ctx.path(), e.getMessage(), e.getCause());
            respond(ctx, 503, e.code(), textFor(503), List.of());
            return;
        }
        List<InvalidInputException.Violation> violations =
                e instanceof InvalidInputException invalid ? invalid.violations() : List.of();
        int status = api ? ErrorStatus.api(kind) : ErrorStatus.page(kind);
        respond(ctx, status, e.code(), e.getMessage(), violations);
    }

    private static String pathWithQuery(Context ctx) {
        String query = ctx.queryString();
        return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
    }

    void respond(Context ctx, int status, String code, String message, List<InvalidInputException.Violation> violations) {
        if (isApi(ctx)) {
            problem(ctx, status, code, message, violations);
            return;
        }
        try {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("status", status);
            model.put("title", titleFor(status));
            model.put("message", message);
            model.put("violations", violations);
            pages.renderError(ctx, status, model);
        } catch (RuntimeException renderFailure) {
            LOG.error("request {}: the error page could not be rendered", Exchange.of(ctx).requestId, renderFailure);
            ctx.status(status).contentType("text/plain; charset=utf-8").result(titleFor(status));
        }
    }

    void problem(Context ctx, int status, String code, String message, List<InvalidInputException.Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:postbox:problem:" + code);
        body.put("title", titleFor(status));
        body.put("status", status);
        body.put("detail", message);
        body.put("code", code);
        body.put("instance", ctx.path());
        if (!violations.isEmpty()) {
            body.put("errors", violations.stream().map(v -> {
                Map<String, String> one = new LinkedHashMap<>();
                one.put("field", v.field());
                one.put("code", v.code());
                one.put("message", v.message());
                return one;
            }).toList());
        }
        try {
            ctx.status(status).contentType(PROBLEM_JSON).result(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(titleFor(status));
        }
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Please log in";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Invalid input";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Request failed";
        };
    }

    static String textFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "Please log in first.";
            case 403 -> "You are not allowed to do that.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 413 -> "The request is too large.";
            case 429 -> "Too many attempts. Wait a little and try again.";
            case 503 -> "Postbox cannot reach its storage right now. Please try again in a few seconds.";
            default -> status >= 500 ? "Something went wrong on our side. It has been logged; please try again."
                    : "The request could not be completed.";
        };
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request.too_large";
            case 400 -> "bad_request";
            default -> "http." + status;
        };
    }
}
