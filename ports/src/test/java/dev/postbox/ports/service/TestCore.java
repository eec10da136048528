package dev.postbox.ports.service;

import dev.postbox.domain.Post;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.ports.in.CreatePostUseCase.CreatePost;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.memory.InMemoryLoginAttempts;
import dev.postbox.ports.memory.InMemoryPostRepository;
import dev.postbox.ports.memory.InMemorySessionRepository;
import dev.postbox.ports.memory.InMemoryUserRepository;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.out.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The real services over the in-memory adapters, with a clock the test moves. */
final class TestCore {
    static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(2), Duration.ofMinutes(5));
    static final String PASSWORD = "correct horse battery staple";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository(users);
    final InMemoryPostRepository posts = new InMemoryPostRepository();
    final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    // small Argon2 parameters keep the tests fast; the format and code path are the production ones
    final DjangoPasswordHasher hasher = new DjangoPasswordHasher(1024, 1, 1);
    final Postbox postbox = new Postbox(new Postbox.Storage(users, sessions, posts, UnitOfWork.NONE, loginAttempts),
            hasher, new RandomIds(clock), clock, POLICY);

    /** Signs up {@code name} with {@link #PASSWORD}. */
    User register(String name) {
        return postbox.register().register(new RegisterUser(name, name + "@example.com", PASSWORD));
    }

    LoggedIn logIn(String name, String password) {
        return postbox.logIn().logIn(new LogIn(name, password));
    }

    Optional<CurrentUser> resolve(SessionToken token) {
        return postbox.resolveSession().resolve(token);
    }

    Post post(User author, String content) {
        return postbox.createPost().create(new CreatePost(author, content));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
