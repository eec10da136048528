package dev.postbox.adapter.http;

import dev.postbox.domain.ForbiddenException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.UserId;
import dev.postbox.domain.UserPage;
import dev.postbox.ports.in.ManageUsersUseCase.ListUsers;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The administrator's pages: users by name prefix, activate/deactivate, staff on/off. */
final class AdminPages {
    static final PageRequest PAGE = new PageRequest(50);

    private final UseCases useCases;
    private final Sessions sessions;
    private final Pages pages;

    AdminPages(UseCases useCases, Sessions sessions, Pages pages) {
        this.useCases = useCases;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/", this::users);
        routes.post("/admin/users/{id}/active", ctx -> toggle(ctx, true));
        routes.post("/admin/users/{id}/staff", ctx -> toggle(ctx, false));
    }

    private CurrentUser superuser(Context ctx) {
        CurrentUser me = sessions.require(ctx);
        if (!me.user().superuser()) {
            throw new ForbiddenException("admin.forbidden", "Only administrators can see this page.");
        }
        return me;
    }

    private void users(Context ctx) {
        CurrentUser me = superuser(ctx);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        Optional<String> after = Optional.ofNullable(ctx.queryParam("after")).filter(s -> !s.isEmpty());
        UserPage page = useCases.manageUsers().listUsers(new ListUsers(me.user(), q, after, PAGE));
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("users", page.users().stream().map(Views::user).toList());
        model.put("after", page.after().orElse(null));
        model.put("paged", after.isPresent());
        model.put("selfId", me.user().id().value());
        pages.render(ctx, 200, "admin/users", model);
    }

    private void toggle(Context ctx, boolean active) {
        CurrentUser me = superuser(ctx);
        UserId target;
        try {
            target = new UserId(Long.parseLong(ctx.pathParam("id")));
        } catch (IllegalArgumentException e) {
            throw NotFoundException.noSuchUser();
        }
        boolean value = "true".equals(Forms.field(ctx, "value"));
        if (active) {
            useCases.manageUsers().setActive(me.user(), target, value);
        } else {
            useCases.manageUsers().setStaff(me.user(), target, value);
        }
        String q = Forms.field(ctx, "q");
        ctx.redirect(q.isEmpty() ? "/admin/" : "/admin/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }
}
