package dev.postbox.ports.service;

import dev.postbox.domain.Email;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.memory.InMemorySessionRepository;
import dev.postbox.ports.memory.InMemoryUserRepository;
import dev.postbox.ports.out.SessionRepository.SessionWithUser;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cache's own rules, over the in-memory stores. */
class CachedSessionsTest {
    private static final Duration TTL = Duration.ofSeconds(2);
    private final TestCore.MutableClock clock = new TestCore.MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemorySessionRepository store = new InMemorySessionRepository(users);
    private final CachedSessions cache = new CachedSessions(store, clock, TTL, 3);

    private Session stored(String name) {
        User user = users.insert(new NewUser(new Username(name), new Email(name + "@example.com"),
                new PasswordHash("pbkdf2_sha256$870000$salt$abc="), false, false, true, clock.instant()));
        Session session = TestCore.POLICY.start(SessionToken.random().hash(), user.id(), clock.instant(), "csrf-" + name);
        store.insert(session);
        return session;
    }

    @Test
    void aReadIsServedFromMemoryForTheTimeToLiveThenReadAgain() {
        Session s = stored("alice");
        assertThat(cache.findWithUser(s.tokenHash())).isPresent();

        store.delete(s.tokenHash());  // as another instance would

        assertThat(cache.findWithUser(s.tokenHash())).isPresent();
        clock.advance(TTL);
        assertThat(cache.findWithUser(s.tokenHash())).isEmpty();
    }

    @Test
    void unknownTokensAreNotRemembered() {
        Session s = TestCore.POLICY.start(SessionToken.random().hash(), stored("bob").userId(), clock.instant(), "x");
        assertThat(cache.findWithUser(s.tokenHash())).isEmpty();
        store.insert(s);
        assertThat(cache.findWithUser(s.tokenHash())).isPresent();
    }

    @Test
    void deletesThroughTheCacheApplyAtOnce() {
        Session a = stored("carol");
        Session b = stored("dave");
        Session b2 = TestCore.POLICY.start(SessionToken.random().hash(), b.userId(), clock.instant(), "y");
        store.insert(b2);
        for (Session s : new Session[] {a, b, b2}) {
            assertThat(cache.findWithUser(s.tokenHash())).isPresent();
        }

        assertThat(cache.delete(a.tokenHash())).isTrue();
        assertThat(cache.deleteAllForUser(b.userId())).isEqualTo(2);

        assertThat(cache.findWithUser(a.tokenHash())).isEmpty();
        assertThat(cache.findWithUser(b.tokenHash())).isEmpty();
        assertThat(cache.findWithUser(b2.tokenHash())).isEmpty();
    }

    @Test
    void aTouchKeepsTheEntryWithItsNewTimes() {
        Session s = stored("erin");
        cache.findWithUser(s.tokenHash());
        Instant later = clock.instant().plusSeconds(1);

        cache.touch(s.tokenHash(), later, later.plus(TestCore.POLICY.maxIdle()));
        store.delete(s.tokenHash());  // proves the next answer comes from memory

        assertThat(cache.findWithUser(s.tokenHash())).get()
                .satisfies(found -> assertThat(found.session().lastSeen()).isEqualTo(later));
    }

    @Test
    void aClockSteppedBackEndsTheEntry() {
        Session s = stored("fred");
        cache.findWithUser(s.tokenHash());
        store.delete(s.tokenHash());
        clock.advance(Duration.ofMillis(-1));
        assertThat(cache.findWithUser(s.tokenHash())).isEmpty();
    }

    @Test
    void aLogoutDuringAReadIsNotUndoneByIt() {
        Session s = stored("gina");
        // the read returns what it found before the logout; the logout lands during the read
        AtomicReference<CachedSessions> racing = new AtomicReference<>();
        UserRepository racingUsers = (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    Object answer = method.invoke(users, args);
                    if (method.getName().equals("findById")) {
                        racing.get().delete(s.tokenHash());
                    }
                    return answer;
                });
        InMemorySessionRepository racingStore = new InMemorySessionRepository(racingUsers);
        racingStore.insert(s);
        racing.set(new CachedSessions(racingStore, clock, TTL, 3));

        assertThat(racing.get().findWithUser(s.tokenHash())).isPresent();
        assertThat(racing.get().findWithUser(s.tokenHash())).isEmpty();
    }

    @Test
    void itKeepsAtMostItsSizeOfEntries() {
        Session[] all = {stored("h1"), stored("h2"), stored("h3"), stored("h4")};
        for (Session s : all) {
            cache.findWithUser(s.tokenHash());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        for (Session s : all) {
            assertThat(cache.findWithUser(s.tokenHash())).map(SessionWithUser::session).contains(s);
        }
    }
}
