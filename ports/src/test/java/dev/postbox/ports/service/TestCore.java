package dev.postbox.ports.service;

import dev.postbox.domain.SessionPolicy;
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

/** The real services over the in-memory adapters, with a clock the test moves. */
final class TestCore {
    static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(2), Duration.ofMinutes(5));

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository();
    final InMemoryPostRepository posts = new InMemoryPostRepository();
    final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    // small Argon2 parameters keep the tests fast; the format and code path are the production ones
    final DjangoPasswordHasher hasher = new DjangoPasswordHasher(1024, 1, 1);
    final Postbox postbox = new Postbox(new Postbox.Storage(users, sessions, posts, UnitOfWork.NONE, loginAttempts),
            hasher, new RandomIds(clock), clock, POLICY);

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
