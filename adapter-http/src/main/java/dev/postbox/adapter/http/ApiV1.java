package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.NotFoundException;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.DeletePostUseCase.DeletePost;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON API: the same use cases as the pages, errors as RFC 9457 problem details. */
final class ApiV1 {
    static final String PREFIX = "/api/v1";

    record SessionJson(String username, String csrfToken, String expires) {
    }

    record MeJson(String username, String email, boolean superuser, boolean staff, String dateJoined, String lastLogin) {
    }

    record UserJson(String username, String email, String dateJoined) {
    }

    record PostJson(String id, String author, String content, String createdAt) {
    }

    record PostsJson(List<PostJson> posts, String olderThan) {
    }

    private final UseCases useCases;
    private final Sessions sessions;
    private final ObjectMapper json;

    ApiV1(UseCases useCases, Sessions sessions, ObjectMapper json) {
        this.useCases = useCases;
        this.sessions = sessions;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post(PREFIX + "/session", this::logIn);
        routes.delete(PREFIX + "/session", this::logOut);
        routes.get(PREFIX + "/me", this::me);
        routes.post(PREFIX + "/users", this::signUp);
        routes.get(PREFIX + "/users/{username}/posts", this::posts);
        routes.post(PREFIX + "/posts", this::createPost);
        routes.delete(PREFIX + "/posts/{id}", this::deletePost);
    }

    /** Requests that make no use of an existing session, so they need no CSRF token (see docs/security.md). */
    static boolean anonymousEntry(Context ctx) {
        String path = ctx.path();
        return ctx.method() == io.javalin.http.HandlerType.POST
                && (path.equals(PREFIX + "/session") || path.equals(PREFIX + "/users"));
    }

    private void logIn(Context ctx) {
        JsonNode body = body(ctx);
        LoggedIn loggedIn = useCases.logIn().logIn(new LogIn(text(body, "username"), text(body, "password"),
                Exchange.of(ctx).clientAddress));
        sessions.start(ctx, loggedIn);
        ctx.json(new SessionJson(loggedIn.user().username().value(),
                Csrf.tokenFor(loggedIn.session().csrfSecret()), iso(loggedIn.session().expires())));
    }

    private void logOut(Context ctx) {
        sessions.end(ctx);
        ctx.status(204);
    }

    private void me(Context ctx) {
        User user = requireUser(ctx).user();
        ctx.json(new MeJson(user.username().value(), user.email().value(), user.superuser(), user.staff(),
                iso(user.dateJoined()), user.lastLoginTime().map(ApiV1::iso).orElse(null)));
    }

    private void signUp(Context ctx) {
        JsonNode body = body(ctx);
        User user = useCases.register().register(
                new RegisterUser(text(body, "username"), text(body, "email"), text(body, "password")));
        ctx.status(201).json(new UserJson(user.username().value(), user.email().value(), iso(user.dateJoined())));
    }

    private void posts(Context ctx) {
        Optional<PostId> before = Optional.ofNullable(ctx.queryParam("before")).filter(s -> !s.isEmpty()).map(text -> {
            try {
                return PostId.parse(text);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("before", "cursor.invalid", "'before' must be a post id.");
            }
        });
        PostPage page = useCases.listPosts().listByAuthor(ctx.pathParam("username"), before,
                PageRequest.parse(ctx.queryParam("limit")));
        ctx.json(new PostsJson(page.posts().stream().map(ApiV1::post).toList(),
                page.olderThan().map(PostId::toString).orElse(null)));
    }

    private void createPost(Context ctx) {
        CurrentUser me = requireUser(ctx);
        JsonNode body = body(ctx);
        Post post = useCases.createPost().create(new CreatePost(me.user(), text(body, "content")));
        ctx.status(201).json(post(post));
    }

    private void deletePost(Context ctx) {
        CurrentUser me = requireUser(ctx);
        PostId id;
        try {
            id = PostId.parse(ctx.pathParam("id"));
        } catch (InvalidInputException e) {
            throw NotFoundException.noSuchPost();
        }
        String author = Optional.ofNullable(ctx.queryParam("author")).filter(s -> !s.isEmpty())
                .orElse(me.user().username().value());
        useCases.deletePost().delete(new DeletePost(me.user(), author, id));
        ctx.status(204);
    }

    private CurrentUser requireUser(Context ctx) {
        return sessions.current(ctx).orElseThrow(() ->
                new NotAuthenticatedException("session.required", "Log in first: POST /api/v1/session."));
    }

    private static PostJson post(Post post) {
        return new PostJson(post.id().toString(), post.author().value(), post.content().value(), iso(post.createdAt()));
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }

    private JsonNode body(Context ctx) {
        return JsonBody.object(json, Exchange.of(ctx).body);
    }

    private static String text(JsonNode body, String field) {
        return JsonBody.text(body, field);
    }
}
