package dev.postbox.adapter.mysql;

import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.localstores.mariadb.LocalReplicationPair;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.LogInUseCase.LoggedIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.service.Postbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read/write split against a real primary and replica. Where reads went is asserted by
 * counting statements per pool ({@link MySqlStorage#stats()}), never by timing.
 */
@ExtendWith(MariaDbPair.Extension.class)
class ReplicationIT {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final MariaDbPair db;
    private final LocalReplicationPair servers;
    private MySqlStorage storage;
    private Postbox accounts;

    ReplicationIT(MariaDbPair db) {
        this.db = db;
        this.servers = db.servers();
    }

    @BeforeEach
    void openStorage() {
        storage = db.newStorage(db.splitConfig());
        accounts = Accounts.over(storage);
    }

    @AfterEach
    void closeStorageAndHealServers() {
        storage.close();
        if (!servers.replica().isRunning()) {
            servers.replica().start();
        }
        servers.resumeReplicaSqlThread();
        servers.awaitReplicaCaughtUp(CATCH_UP);
    }

    @Test
    void aUserRegisteredOnThePrimaryIsReadThroughTheReplica() {
        User user = accounts.register().register(new RegisterUser(Accounts.uniqueName("Repl"), "r@example.org", Accounts.PASSWORD));
        servers.awaitReplicaCaughtUp(CATCH_UP);
        assertThat(servers.replica().query("SELECT username FROM postbox.auth_user WHERE id = " + user.id()).strip())
                .isEqualTo(user.username().value());
        MySqlStorage.Stats before = storage.stats();

        Optional<User> found = storage.users().findByUsername(new Username(user.username().value().toUpperCase()));

        MySqlStorage.Stats after = storage.stats();
        assertThat(found).contains(user);
        assertThat(after.replicaStatements() - before.replicaStatements()).isEqualTo(1);
        assertThat(after.primaryStatements()).isEqualTo(before.primaryStatements());
    }

    @Test
    void withTheReplicaLaggingLoginThenResolvingTheNewSessionWorks() {
        User known = accounts.register().register(new RegisterUser(Accounts.uniqueName("lagA"), "a@example.org", Accounts.PASSWORD));
        servers.awaitReplicaCaughtUp(CATCH_UP);
        servers.pauseReplicaSqlThread();

        // registered while the replica lags: the replica has never seen this user
        User fresh = accounts.register().register(new RegisterUser(Accounts.uniqueName("lagB"), "b@example.org", Accounts.PASSWORD));
        LoggedIn knownLogin = accounts.logIn().logIn(new LogIn(known.username().value(), Accounts.PASSWORD));
        LoggedIn freshLogin = accounts.logIn().logIn(new LogIn(fresh.username().value(), Accounts.PASSWORD));
        MySqlStorage.Stats beforeResolve = storage.stats();

        Optional<CurrentUser> resolvedKnown = accounts.resolveSession().resolve(knownLogin.token());
        Optional<CurrentUser> resolvedFresh = accounts.resolveSession().resolve(freshLogin.token());

        assertThat(resolvedKnown).map(c -> c.user().id()).contains(known.id());
        assertThat(resolvedFresh).map(c -> c.user().id()).contains(fresh.id());
        assertThat(resolvedFresh.orElseThrow().session().tokenHash()).isEqualTo(freshLogin.session().tokenHash());
        // the lag was real: the replica still has neither session nor the new user
        assertThat(countOnReplica("postbox_session WHERE token_hash IN ('" + knownLogin.session().tokenHash().hex()
                + "', '" + freshLogin.session().tokenHash().hex() + "')")).isZero();
        assertThat(countOnReplica("auth_user WHERE id = " + fresh.id())).isZero();
        MySqlStorage.Stats afterResolve = storage.stats();
        assertThat(afterResolve.replicaMissRetries() - beforeResolve.replicaMissRetries())
                .as("both session look-ups missed on the replica and were retried on the primary").isEqualTo(2);

        servers.resumeReplicaSqlThread();
        servers.awaitReplicaCaughtUp(CATCH_UP);
        MySqlStorage.Stats caughtUp = storage.stats();
        assertThat(accounts.resolveSession().resolve(freshLogin.token())).isPresent();
        MySqlStorage.Stats afterCatchUp = storage.stats();
        assertThat(afterCatchUp.replicaMissRetries()).isEqualTo(caughtUp.replicaMissRetries());
        assertThat(afterCatchUp.replicaStatements()).isGreaterThan(caughtUp.replicaStatements());
    }

    @Test
    void readsAfterAWriteInOneUnitOfWorkGoToThePrimary() {
        User user = storage.users().insert(newUser("uow"));
        servers.awaitReplicaCaughtUp(CATCH_UP);
        MySqlStorage.Stats before = storage.stats();

        Optional<User> seen = storage.unitOfWork().run(() -> {
            storage.users().setStaff(user.id(), true);
            return storage.users().findById(user.id());
        });

        MySqlStorage.Stats after = storage.stats();
        assertThat(seen).contains(user.withStaff(true));
        assertThat(after.replicaStatements()).isEqualTo(before.replicaStatements());
        assertThat(after.primaryStatements() - before.primaryStatements()).isEqualTo(2);
    }

    @Test
    void withTheReplicaStoppedReadsUseThePrimaryAndReturnToTheReplicaWhenItIsBack() {
        User user = storage.users().insert(newUser("down"));
        servers.awaitReplicaCaughtUp(CATCH_UP);
        assertThat(storage.users().findById(user.id())).contains(user);
        assertThat(storage.stats().replicaDown()).isFalse();

        servers.replica().stop();
        assertThat(storage.users().findById(user.id())).as("first read after the stop").contains(user);
        MySqlStorage.Stats down = storage.stats();
        assertThat(down.replicaDown()).isTrue();
        assertThat(down.replicaFallbacks()).isPositive();
        for (int i = 0; i < 5; i++) {
            assertThat(storage.users().findByUsername(user.username())).contains(user);
        }
        MySqlStorage.Stats stillDown = storage.stats();
        assertThat(stillDown.replicaStatements()).as("no read tries the stopped replica").isEqualTo(down.replicaStatements());
        assertThat(stillDown.primaryStatements() - down.primaryStatements()).isEqualTo(5);
        assertThat(health("mysql-replica").up()).isFalse();
        assertThat(health("mysql-primary").up()).isTrue();

        servers.replica().start();
        awaitCondition(() -> !storage.stats().replicaDown(), "the adapter to notice the replica is back");
        MySqlStorage.Stats back = storage.stats();
        assertThat(storage.users().findById(user.id())).contains(user);
        MySqlStorage.Stats afterBack = storage.stats();
        assertThat(afterBack.replicaStatements() - back.replicaStatements()).isEqualTo(1);
        assertThat(afterBack.primaryStatements()).isEqualTo(back.primaryStatements());
        assertThat(health("mysql-replica").up()).isTrue();
    }

    private HealthCheck.Status health(String name) {
        return storage.healthChecks().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().check();
    }

    private int countOnReplica(String fromWhere) {
        return Integer.parseInt(servers.replica().query("SELECT COUNT(*) FROM postbox." + fromWhere).strip());
    }

    static dev.postbox.domain.NewUser newUser(String prefix) {
        return new dev.postbox.domain.NewUser(new Username(Accounts.uniqueName(prefix)),
                new dev.postbox.domain.Email("x@example.org"), new dev.postbox.domain.PasswordHash("plain$x"),
                false, false, true, java.time.Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    /** Waits for a state change the adapter makes in the background (bounded; not a timing assertion). */
    static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos(); // a hang detector only: CI machines can be slow
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
