package dev.postbox.adapter.http;

import dev.postbox.domain.DomainException;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.LogOutUseCase;
import dev.postbox.ports.in.ResolveSessionUseCase;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The session cookie: who is asking, resolved once per request; starting and ending sessions. */
final class Sessions {
    static final String COOKIE = "postbox_session";

    private final ResolveSessionUseCase resolver;
    private final LogOutUseCase logOut;

    Sessions(ResolveSessionUseCase resolver, LogOutUseCase logOut) {
        this.resolver = resolver;
        this.logOut = logOut;
    }

    /** The current user; the store is asked at most once per request. */
    Optional<CurrentUser> current(Context ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (exchange.resolved()) {
            return exchange.current();
        }
        String raw = Cookies.read(ctx, COOKIE);
        Optional<CurrentUser> user = Optional.empty();
        if (raw != null && !raw.isEmpty()) {
            try {
                SessionToken token = SessionToken.parse(raw);
                exchange.token = Optional.of(token);
                user = resolver.resolve(token);
            } catch (NotAuthenticatedException malformed) {
                user = Optional.empty();
            }
            if (user.isEmpty()) {
                Cookies.clear(ctx, COOKIE);
            } else {
                refresh(ctx, exchange.token.orElseThrow(), user.get());
            }
        }
        exchange.current(user);
        return user;
    }

    /** The current user, or the domain's not-authenticated error (pages turn it into a login redirect). */
    CurrentUser require(Context ctx) {
        return current(ctx).orElseThrow(() -> new NotAuthenticatedException("session.required", "Please log in to see this page."));
    }

    /** A fresh session from a login: the old one (if any) is ended, so the token always changes. */
    void start(Context ctx, LoggedIn loggedIn) {
        Exchange exchange = Exchange.of(ctx);
        exchange.token.filter(old -> !old.equals(loggedIn.token())).ifPresent(old -> endQuietly(old));
        exchange.token = Optional.of(loggedIn.token());
        exchange.current(Optional.of(new CurrentUser(loggedIn.user(), loggedIn.session())));
        Cookies.set(ctx, COOKIE, loggedIn.token().reveal(), secondsUntil(loggedIn.session().expires()));
        // the anonymous CSRF cookie has done its job; the session's secret takes over
        Cookies.clear(ctx, Csrf.COOKIE);
    }

    /** Ends the session of this request (if any) and clears the cookie. */
    void end(Context ctx) {
        Exchange exchange = Exchange.of(ctx);
        current(ctx);
        exchange.token.ifPresent(logOut::logOut);
        exchange.token = Optional.empty();
        exchange.current(Optional.empty());
        Cookies.clear(ctx, COOKIE);
    }

    private void endQuietly(SessionToken old) {
        try {
            logOut.logOut(old);
        } catch (DomainException e) {
            // the old session expires on its own; failing the login for it would be worse
        }
    }

    /** Keeps the browser's cookie alive as long as the sliding session. */
    private void refresh(Context ctx, SessionToken token, CurrentUser user) {
        Cookies.set(ctx, COOKIE, token.reveal(), secondsUntil(user.session().expires()));
    }

    private static long secondsUntil(Instant expires) {
        return Math.max(1, Duration.between(Instant.now(), expires).getSeconds());
    }
}
