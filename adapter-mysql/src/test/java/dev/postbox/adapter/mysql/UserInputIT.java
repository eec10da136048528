package dev.postbox.adapter.mysql;

import dev.postbox.domain.ConflictException;
import dev.postbox.domain.Email;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.service.Postbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile and unusual input reaches the database only as bound parameters, and comes back exactly. */
@ExtendWith({MariaDbPair.Extension.class, InUnitOfWork.class})
class UserInputIT {
    private final MariaDbPair db;

    UserInputIT(MariaDbPair db) {
        this.db = db;
    }

    @Test
    void quotesBackslashesWildcardsAndFourByteCharactersRoundTrip() {
        MySqlStorage storage = db.sharedSplitStorage();
        // Deseret letters are outside the BMP (4 bytes in UTF-8), survive NFKC and have a lower case
        String deseret = new String(Character.toChars(0x10400)) + new String(Character.toChars(0x10401));
        Username username = new Username(deseret + "_" + Accounts.uniqueName("q.u+o-t@e_"));
        Email email = new Email("o'brien\\\"%_" + deseret + "';DROP/**/TABLE/**/auth_user;--" + Accounts.uniqueName("") + "@Example.org");
        PasswordHash hash = new PasswordHash("pbkdf2_sha256$1$'\\\"%_\u0000$" + deseret + "';--");
        NewUser draft = new NewUser(username, email, hash, false, false, true, Instant.parse("2020-02-29T23:59:59.999999Z"));

        User stored = storage.users().insert(draft);

        assertThat(storage.users().findById(stored.id())).contains(draft.withId(stored.id()));
        User found = storage.users().findByUsername(new Username(username.value().toLowerCase(java.util.Locale.ROOT))).orElseThrow();
        assertThat(found.email().value()).isEqualTo(email.value());
        assertThat(found.passwordHash().value()).isEqualTo(hash.value()).contains("\u0000");
        assertThat(found.username().value()).isEqualTo(username.value());
        assertThat(storage.users().list(username.canonical(), Optional.empty(), new PageRequest(10)).users()).containsExactly(found);
        String upper = username.value().toUpperCase(java.util.Locale.ROOT);
        assertThat(upper).isNotEqualTo(username.value());
        assertThatThrownBy(() -> storage.users().insert(new NewUser(new Username(upper), email, hash, false, false, true, Instant.now())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("username.taken"));
        // the table is still there and holds exactly one such user
        assertThat(db.servers().primary().query("SELECT COUNT(*) FROM postbox.auth_user WHERE username_canonical = '"
                + username.canonical().replace("'", "''") + "'").strip()).isEqualTo("1");
    }

    @Test
    void sessionCsrfSecretsWithAnyCharactersRoundTrip() {
        MySqlStorage storage = db.sharedSplitStorage();
        User user = storage.users().insert(ReplicationIT.newUser("csrf"));
        Instant now = Instant.parse("2026-03-04T05:06:07.654321Z");
        Session session = new Session(SessionToken.random().hash(), user.id(), now, now, now.plusSeconds(60),
                "'\\\"%_\u0000" + new String(Character.toChars(0x1F600)));

        storage.sessions().insert(session);

        assertThat(storage.sessions().find(session.tokenHash())).contains(session);
    }

    @Test
    void thirtyTwoThreadsRegisteringTheSameUsernameExactlyOneSucceeds() throws Exception {
        Postbox accounts = Accounts.over(db.sharedSplitStorage());
        String name = Accounts.uniqueName("same");
        List<Callable<User>> tasks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String spelled = i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT);
            tasks.add(() -> accounts.register().register(new RegisterUser(spelled, "t@example.org", Accounts.PASSWORD)));
        }

        List<Object> outcomes = runAtOnce(tasks);

        assertThat(outcomes.stream().filter(User.class::isInstance)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !(o instanceof User)))
                .hasSize(31)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("username.taken")));
        User winner = (User) outcomes.stream().filter(User.class::isInstance).findFirst().orElseThrow();
        assertThat(db.sharedSplitStorage().users().findByUsername(new Username(name))).contains(winner);
    }

    /** Each task's result, or the exception it threw; all 32 threads start together. */
    private static List<Object> runAtOnce(List<Callable<User>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<User>> futures = new ArrayList<>();
            for (Callable<User> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<User> future : futures) {
                try {
                    outcomes.add(future.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a registration did not finish", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
