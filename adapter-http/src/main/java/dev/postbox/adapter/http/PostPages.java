package dev.postbox.adapter.http;

import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.DeletePostUseCase.DeletePost;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seed's post pages: welcome, own list, create, delete, and everyone's public page. */
final class PostPages {
    private final UseCases useCases;
    private final Sessions sessions;
    private final Pages pages;

    PostPages(UseCases useCases, Sessions sessions, Pages pages) {
        this.useCases = useCases;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/posts/", HttpStatus.FOUND));
        routes.get("/posts/", this::welcome);
        routes.get("/posts/list", this::list);
        routes.get("/posts/create", this::createForm);
        routes.post("/posts/create", this::create);
        routes.post("/posts/{id}/delete", this::delete);
        routes.get("/u/{username}", this::userPage);
    }

    private void welcome(Context ctx) {
        pages.render(ctx, 200, "posts/welcome", Map.of());
    }

    private void list(Context ctx) {
        CurrentUser me = sessions.require(ctx);
        Optional<PostId> before = cursor(ctx);
        PostPage page = useCases.listPosts().listOwn(me.user(), before, PageRequest.parse(ctx.queryParam("limit")));
        Map<String, Object> model = pageModel(page, before);
        model.put("owner", me.user().username().value());
        model.put("own", true);
        model.put("canDelete", true);
        model.put("here", "/posts/list");
        pages.render(ctx, 200, "posts/list", model);
    }

    private void userPage(Context ctx) {
        String username = ctx.pathParam("username");
        Optional<PostId> before = cursor(ctx);
        PostPage page = useCases.listPosts().listByAuthor(username, before, PageRequest.parse(ctx.queryParam("limit")));
        Map<String, Object> model = pageModel(page, before);
        String shown = page.posts().isEmpty() ? username : page.posts().get(0).author().value();
        Optional<CurrentUser> me = sessions.current(ctx);
        boolean own = me.isPresent() && me.get().user().username().value().equalsIgnoreCase(shown);
        model.put("owner", shown);
        model.put("own", own);
        model.put("canDelete", own || me.map(u -> u.user().superuser()).orElse(false));
        model.put("here", "/u/" + java.net.URLEncoder.encode(shown, java.nio.charset.StandardCharsets.UTF_8));
        pages.render(ctx, 200, "posts/user", model);
    }

    private static Map<String, Object> pageModel(PostPage page, Optional<PostId> before) {
        Map<String, Object> model = new HashMap<>();
        List<Views.PostView> posts = page.posts().stream().map(Views::post).toList();
        model.put("posts", posts);
        model.put("older", page.olderThan().map(PostId::toString).orElse(null));
        model.put("paged", before.isPresent());
        return model;
    }

    private static Optional<PostId> cursor(Context ctx) {
        String before = ctx.queryParam("before");
        if (before == null || before.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PostId.parse(before));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("before", "cursor.invalid", "That page link is not valid.");
        }
    }

    private void createForm(Context ctx) {
        sessions.require(ctx);
        form(ctx, 200, "", null);
    }

    private void create(Context ctx) {
        CurrentUser me = sessions.require(ctx);
        String content = Forms.field(ctx, "content");
        try {
            useCases.createPost().create(new CreatePost(me.user(), content));
            ctx.redirect("/posts/list", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            form(ctx, 400, content, e.getMessage());
        }
    }

    private void form(Context ctx, int status, String content, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("content", content);
        model.put("max", PostContent.MAX_LENGTH);
        if (error != null) {
            model.put("error", error);
        }
        pages.render(ctx, status, "posts/create", model);
    }

    private void delete(Context ctx) {
        CurrentUser me = sessions.require(ctx);
        PostId id;
        try {
            id = PostId.parse(ctx.pathParam("id"));
        } catch (InvalidInputException e) {
            throw NotFoundException.noSuchPost();
        }
        String author = Forms.field(ctx, "author");
        if (author.isEmpty()) {
            author = me.user().username().value();
        }
        useCases.deletePost().delete(new DeletePost(me.user(), author, id));
        String next = Forms.field(ctx, "next");
        ctx.redirect(SafeRedirect.isSafe(next) ? next : "/posts/list", HttpStatus.SEE_OTHER);
    }
}
