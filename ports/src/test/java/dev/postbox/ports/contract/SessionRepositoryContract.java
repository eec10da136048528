package dev.postbox.ports.contract;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.User;
import dev.postbox.domain.UserId;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.SessionRepository.SessionWithUser;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static dev.postbox.ports.contract.Fixtures.THREADS;
import static dev.postbox.ports.contract.Fixtures.concurrently;
import static dev.postbox.ports.contract.Fixtures.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SessionRepository} must do. Extend it and return the repository under test;
 * it may be one shared instance over a store that already holds data. Sessions belong to
 * {@link #newUserId()}, a random id by default: override it when the store refuses sessions of
 * users that do not exist (a foreign key), to insert a real user and return its id.
 * A purge batch size below 1 is an {@link IllegalArgumentException}.
 * {@link SessionRepository#findWithUser} is checked against {@link #users()}, the user repository
 * the session store resolves sessions to: the store's own users, or whatever it was given.
 */
public abstract class SessionRepositoryContract {
    /**
     * Sessions the purge tests make expire in 2001, long before anything the other tests store
     * (they use the present), so a purge at a 2001 instant never touches another test's rows.
     */
    private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06.789Z");

    private SessionRepository sessions;

    /** The repository under test; called before every test. */
    protected abstract SessionRepository repository();

    /** An id of a user no other test uses. Override to create a real user when sessions need one. */
    protected UserId newUserId() {
        return new UserId(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE));
    }

    /** Where the repository under test finds the users of its sessions; the tests add users there. */
    protected abstract UserRepository users();

    @BeforeEach
    void obtainRepository() {
        sessions = repository();
    }

    private static Session session(UserId user, Instant created, Duration lifetime) {
        return new Session(SessionToken.random().hash(), user, created, created, created.plus(lifetime), Fixtures.random() + Fixtures.random());
    }

    @Test
    void insertedSessionsAreFoundWithEveryField() {
        Instant created = now().minusSeconds(90);
        Session session = new Session(SessionToken.random().hash(), newUserId(), created, created.plusSeconds(30),
                created.plus(Duration.ofDays(14)), "csrf-" + Fixtures.random() + "_-" + Fixtures.random());

        sessions.insert(session);

        assertThat(sessions.find(session.tokenHash())).contains(session);
    }

    @Test
    void unknownSessionsAreNotFound() {
        SessionTokenHash missing = SessionToken.random().hash();

        assertThat(sessions.find(missing)).isEmpty();
        assertThat(sessions.delete(missing)).isFalse();
        sessions.touch(missing, now(), now().plusSeconds(60));
        assertThat(sessions.find(missing)).isEmpty();
    }

    @Test
    void expiredSessionsAreStillReturnedAsStored() {
        Session expired = session(newUserId(), now().minus(Duration.ofDays(30)), Duration.ofDays(14));

        sessions.insert(expired);

        assertThat(sessions.find(expired.tokenHash())).contains(expired);
    }

    @Test
    void aSecondInsertWithTheSameHashFailsAndKeepsTheFirst() {
        Session first = session(newUserId(), now(), Duration.ofDays(1));
        sessions.insert(first);
        Session clash = new Session(first.tokenHash(), newUserId(), now(), now(), now().plusSeconds(5), "other");

        assertThatThrownBy(() -> sessions.insert(clash))
                .isInstanceOf(RuntimeException.class)
                .as("a duplicate key is a bug, not an outage to retry")
                .isNotInstanceOf(StoreUnavailableException.class);
        assertThat(sessions.find(first.tokenHash())).contains(first);
    }

    @Test
    void touchMovesLastSeenAndExpiryOnly() {
        Instant created = now().minus(Duration.ofHours(2));
        Session session = session(newUserId(), created, Duration.ofDays(14));
        sessions.insert(session);
        Instant seen = now();
        Instant expires = seen.plus(Duration.ofDays(14));

        sessions.touch(session.tokenHash(), seen, expires);

        assertThat(sessions.find(session.tokenHash())).contains(session.touched(seen, expires));
    }

    @Test
    void deleteEndsOnlyThatSession() {
        UserId user = newUserId();
        Session gone = session(user, now(), Duration.ofDays(1));
        Session kept = session(user, now(), Duration.ofDays(1));
        sessions.insert(gone);
        sessions.insert(kept);

        assertThat(sessions.delete(gone.tokenHash())).isTrue();

        assertThat(sessions.find(gone.tokenHash())).isEmpty();
        assertThat(sessions.find(kept.tokenHash())).contains(kept);
        assertThat(sessions.delete(gone.tokenHash())).isFalse();
    }

    @Test
    void deleteAllForUserEndsEveryoneOfThatUserAndNoOneElse() {
        UserId alice = newUserId();
        UserId bob = newUserId();
        List<Session> alices = List.of(session(alice, now(), Duration.ofDays(1)), session(alice, now(), Duration.ofDays(2)),
                session(alice, now().minus(Duration.ofDays(9)), Duration.ofDays(1)));
        Session bobs = session(bob, now(), Duration.ofDays(1));
        alices.forEach(sessions::insert);
        sessions.insert(bobs);

        assertThat(sessions.deleteAllForUser(alice)).isEqualTo(3);

        assertThat(alices).allSatisfy(s -> assertThat(sessions.find(s.tokenHash())).isEmpty());
        assertThat(sessions.find(bobs.tokenHash())).contains(bobs);
        assertThat(sessions.deleteAllForUser(alice)).isZero();
    }

    @Test
    void purgeExpiredDeletesInBatchesUntilNoneIsLeft() {
        UserId user = newUserId();
        Instant purgeAt = LONG_AGO.plus(Duration.ofDays(1));
        List<Session> expired = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expired.add(session(user, LONG_AGO.minus(Duration.ofMinutes(i)), Duration.ofHours(1)));
        }
        // expiring exactly at the purge instant counts as expired
        expired.add(new Session(SessionToken.random().hash(), user, LONG_AGO, LONG_AGO, purgeAt, "edge"));
        Session alive = new Session(SessionToken.random().hash(), user, LONG_AGO, LONG_AGO, purgeAt.plusMillis(1), "alive");
        expired.forEach(sessions::insert);
        sessions.insert(alive);

        assertThat(sessions.purgeExpired(purgeAt, 3)).as("at least 8 sessions are expired, so a first batch is full").isEqualTo(3);
        int rounds = 0;
        while (sessions.purgeExpired(purgeAt, 3) == 3 && rounds < 10_000) {
            rounds++;
        }

        assertThat(expired).allSatisfy(s -> assertThat(sessions.find(s.tokenHash())).isEmpty());
        assertThat(sessions.find(alive.tokenHash())).contains(alive);
        assertThat(sessions.purgeExpired(purgeAt, 3)).isZero();
    }

    @Test
    void purgeNeedsAPositiveBatchSize() {
        assertThatThrownBy(() -> sessions.purgeExpired(LONG_AGO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sessions.purgeExpired(LONG_AGO, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sixteenThreadsInsertingSessionsAtOnceAllSucceed() throws InterruptedException {
        UserId user = newUserId();
        List<Session> made = new ArrayList<>();
        List<Callable<Session>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Session session = session(i % 2 == 0 ? user : newUserId(), now(), Duration.ofDays(1));
            made.add(session);
            tasks.add(() -> {
                sessions.insert(session);
                return session;
            });
        }

        List<Fixtures.Outcome<Session>> outcomes = concurrently(tasks);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(made).allSatisfy(s -> assertThat(sessions.find(s.tokenHash())).contains(s));
        assertThat(sessions.deleteAllForUser(user)).isEqualTo(THREADS / 2);
    }

    @Test
    void findWithUserReturnsTheSessionAndItsCurrentUser() {
        UserRepository users = users();
        User user = users.insert(Fixtures.newUser(Fixtures.username("Swu")));
        Session session = session(user.id(), now().minusSeconds(5), Duration.ofDays(14));
        sessions.insert(session);

        assertThat(sessions.findWithUser(session.tokenHash())).contains(new SessionWithUser(session, user));

        // never cached: a deactivation shows on the next read
        users.setActive(user.id(), false);
        assertThat(sessions.findWithUser(session.tokenHash())).get()
                .satisfies(found -> assertThat(found.user().active()).isFalse());
        // and a logout too
        sessions.delete(session.tokenHash());
        assertThat(sessions.findWithUser(session.tokenHash())).isEmpty();
    }

    @Test
    void findWithUserReturnsExpiredSessionsAsStored() {
        UserRepository users = users();
        User user = users.insert(Fixtures.newUser(Fixtures.username("Swx")));
        Session expired = session(user.id(), now().minus(Duration.ofDays(3)), Duration.ofDays(1));
        sessions.insert(expired);

        assertThat(sessions.findWithUser(expired.tokenHash())).contains(new SessionWithUser(expired, user));
    }

    @Test
    void findWithUserIsEmptyForUnknownTokensAndForSessionsWithoutTheirUser() {
        assertThat(sessions.findWithUser(SessionToken.random().hash())).isEmpty();

        Session orphan = session(new UserId(ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE)),
                now(), Duration.ofDays(1));
        sessions.insert(orphan);
        assertThat(sessions.find(orphan.tokenHash())).contains(orphan);
        assertThat(sessions.findWithUser(orphan.tokenHash())).isEmpty();
    }
}
