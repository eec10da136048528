package dev.postbox.adapter.http;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.DomainException;
import dev.postbox.domain.ErrorKind;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.ports.in.ChangePasswordUseCase.ChangePassword;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Log in and out, sign up, change password: Django's URLs and field names. */
final class AccountPages {
    private static final String MISMATCH = "The two password fields didn't match.";

    private final UseCases useCases;
    private final Sessions sessions;
    private final Pages pages;

    AccountPages(UseCases useCases, Sessions sessions, Pages pages) {
        this.useCases = useCases;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/accounts/login/", this::loginForm);
        routes.post("/accounts/login/", this::login);
        routes.get("/accounts/logout/", this::logoutConfirm);
        routes.post("/accounts/logout/", this::logout);
        routes.get("/accounts/signup/", this::signupForm);
        routes.post("/accounts/signup/", this::signup);
        routes.get("/accounts/password_change/", this::passwordForm);
        routes.post("/accounts/password_change/", this::changePassword);
        routes.get("/accounts/password_change/done/", this::passwordDone);
    }

    private void loginForm(Context ctx) {
        loginPage(ctx, 200, "", SafeRedirect.target(ctx.queryParam("next")), null);
    }

    private void login(Context ctx) {
        String username = Forms.field(ctx, "username");
        String next = SafeRedirect.target(Forms.field(ctx, "next"));
        try {
            LoggedIn loggedIn = useCases.logIn().logIn(new LogIn(username, Forms.field(ctx, "password"),
                    Exchange.of(ctx).clientAddress));
            sessions.start(ctx, loggedIn);
            ctx.redirect(next, HttpStatus.SEE_OTHER);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            RetryAfter.set(ctx, e);
            loginPage(ctx, ErrorStatus.page(e.kind()), username, next, e.getMessage());
        }
    }

    private void loginPage(Context ctx, int status, String username, String next, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", username);
        model.put("next", next);
        if (error != null) {
            model.put("error", error);
        }
        model.put("csrf", pages.csrf().token(ctx));
        pages.render(ctx, status, "accounts/login", model);
    }

    private void logoutConfirm(Context ctx) {
        if (sessions.current(ctx).isEmpty()) {
            pages.render(ctx, 200, "accounts/logged_out", Map.of());
            return;
        }
        pages.render(ctx, 200, "accounts/logout", Map.of());
    }

    private void logout(Context ctx) {
        sessions.end(ctx);
        pages.render(ctx, 200, "accounts/logged_out", Map.of());
    }

    private void signupForm(Context ctx) {
        signupPage(ctx, 200, "", "", Map.of());
    }

    private void signup(Context ctx) {
        String username = Forms.field(ctx, "username");
        String email = Forms.field(ctx, "email");
        String password = Forms.field(ctx, "password1");
        if (!password.equals(Forms.field(ctx, "password2"))) {
            signupPage(ctx, 400, username, email, Map.of("password2", MISMATCH));
            return;
        }
        try {
            useCases.register().register(new RegisterUser(username, email, password));
        } catch (InvalidInputException e) {
            signupPage(ctx, 400, username, email, Forms.errors(e, Map.of("password", "password1"),
                    List.of("username", "email", "password1", "password2")));
            return;
        } catch (ConflictException e) {
            signupPage(ctx, 409, username, email, Map.of("username", e.getMessage()));
            return;
        }
        // no address: the password was just set, so only the username's own limit applies
        sessions.start(ctx, useCases.logIn().logIn(new LogIn(username, password)));
        ctx.redirect("/posts/list", HttpStatus.SEE_OTHER);
    }

    private void signupPage(Context ctx, int status, String username, String email, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("username", username);
        model.put("email", email);
        model.put("errors", errors);
        model.put("csrf", pages.csrf().token(ctx));
        pages.render(ctx, status, "accounts/signup", model);
    }

    private void passwordForm(Context ctx) {
        sessions.require(ctx);
        pages.render(ctx, 200, "accounts/password_change", Map.of("errors", Map.of()));
    }

    private void changePassword(Context ctx) {
        sessions.require(ctx);
        String newPassword = Forms.field(ctx, "new_password1");
        if (!newPassword.equals(Forms.field(ctx, "new_password2"))) {
            pages.render(ctx, 400, "accounts/password_change", Map.of("errors", Map.of("new_password2", MISMATCH)));
            return;
        }
        try {
            LoggedIn renewed = useCases.changePassword().changePassword(new ChangePassword(
                    Exchange.of(ctx).token.orElseThrow(), Forms.field(ctx, "old_password"), newPassword));
            sessions.start(ctx, renewed);
            ctx.redirect("/accounts/password_change/done/", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>(Forms.errors(e, Map.of("new_password", "new_password1"),
                    List.of("old_password", "new_password1", "new_password2")));
            pages.render(ctx, 400, "accounts/password_change", Map.of("errors", errors));
        }
    }

    private void passwordDone(Context ctx) {
        CurrentUser me = sessions.require(ctx);
        pages.render(ctx, 200, "accounts/password_change_done", Map.of("username", me.user().username().value()));
    }
}
