package dev.postbox.adapter.http;

import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.in.CreateSuperuserUseCase.CreateSuperuser;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.service.Postbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The real services over the in-memory adapters, served on a free loopback port. */
final class TestApp implements AutoCloseable {
    static final String PASSWORD = "correct-horse-battery-42";

    final Postbox core;
    final PostboxWebApp web;
    final String base;

    private TestApp(Postbox core, PostboxWebApp web) {
        this.core = core;
        this.web = web;
        this.base = "http://127.0.0.1:" + web.port();
    }

    static TestApp start() {
        return start(config("test"), List.of(), posts -> posts);
    }

    /**
     * The defaults, but idle connections are kept for ten minutes instead of 30 s. The tests share
     * one pooled java.net.http client, which keeps connections far longer than 30 s and does not
     * retry a POST: one reused just as the server closes it for idleness fails with "header parser
     * received no bytes" (an ApiTest failure on CI; 2 of 60 POSTs sent at the server's idle limit).
     * Tests of the idle limit itself set their own.
     */
    static WebConfig config(String instanceName) {
        return WebConfig.defaults(instanceName)
                .withLimits(RequestLimits.DEFAULT.withTimeouts(Duration.ofMinutes(10), RequestLimits.DEFAULT.requestReadTimeout()));
    }

    static TestApp start(WebConfig config) {
        return start(config, List.of(), posts -> posts);
    }

    static TestApp start(WebConfig config, List<HealthCheck> checks, UnaryOperator<PostRepository> postsWrapper) {
        Postbox.Storage memory = Postbox.Storage.inMemory();
        return over(config, checks, new Postbox.Storage(memory.users(), memory.sessions(),
                postsWrapper.apply(memory.posts()), memory.unitOfWork()));
    }

    /** An instance over stores the caller may share with other instances (as app servers share a database). */
    static TestApp over(WebConfig config, List<HealthCheck> checks, Postbox.Storage storage) {
        // cheap Argon2id parameters: the tests log in many times
        Postbox core = new Postbox(storage, new DjangoPasswordHasher(64, 1, 1), new RandomIds(), Clock.systemUTC(),
                SessionPolicy.DEFAULT);
        PostboxWebApp web = new PostboxWebApp(config, UseCases.from(core), checks, null);
        web.start("127.0.0.1", 0);
        return new TestApp(core, web);
    }

    /** A fresh username, so tests sharing one app never collide. */
    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    String register(String prefix) {
        String name = uniqueName(prefix);
        core.register().register(new RegisterUser(name, name + "@example.com", PASSWORD));
        return name;
    }

    String superuser(String prefix) {
        String name = uniqueName(prefix);
        core.createSuperuser().createSuperuser(new CreateSuperuser(name, name + "@example.com", PASSWORD));
        return name;
    }

    Browser browser() {
        return new Browser(base);
    }

    /** A browser already logged in as a new user. */
    Browser loggedIn(String username) {
        Browser browser = browser();
        browser.logIn(username, PASSWORD);
        return browser;
    }

    @Override
    public void close() {
        web.stop();
    }
}
