package dev.postbox.adapter.mysql;

import dev.postbox.domain.NotAuthenticatedException;
import dev.postbox.domain.ThrottledException;
import dev.postbox.localstores.mariadb.LocalReplicationPair;
import dev.postbox.ports.in.LogInUseCase.LogIn;
import dev.postbox.ports.in.RegisterUserUseCase.RegisterUser;
import dev.postbox.ports.service.Postbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two app instances (each its own storage and pools, as two processes would have) over one real
 * primary + replica: failed logins on either count for both, also while the replica lags.
 */
@ExtendWith(MariaDbPair.Extension.class)
class SharedLoginThrottleIT {
    private static final String WRONG = "definitely not the password";

    private final MariaDbPair db;
    private final LocalReplicationPair servers;
    private MySqlStorage storageA;
    private MySqlStorage storageB;
    private Postbox instanceA;
    private Postbox instanceB;

    SharedLoginThrottleIT(MariaDbPair db) {
        this.db = db;
        this.servers = db.servers();
    }

    @BeforeEach
    void openInstances() {
        storageA = db.newStorage(db.splitConfig());
        storageB = db.newStorage(db.splitConfig());
        instanceA = Accounts.withSharedThrottle(storageA);
        instanceB = Accounts.withSharedThrottle(storageB);
    }

    @AfterEach
    void closeInstances() {
        storageA.close();
        storageB.close();
        servers.resumeReplicaSqlThread();
        servers.awaitReplicaCaughtUp(Duration.ofSeconds(30));
    }

    private static void fail(Postbox instance, String name, String address) {
        assertThatThrownBy(() -> instance.logIn().logIn(new LogIn(name, WRONG, address))).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void failuresAlternatingBetweenInstancesAddUpEvenWithTheReplicaStopped() {
        String name = Accounts.uniqueName("thr");
        instanceA.register().register(new RegisterUser(name, "t@example.org", Accounts.PASSWORD));
        servers.awaitReplicaCaughtUp(Duration.ofSeconds(30));
        // the replica stops applying: counts read there would stay at zero
        servers.pauseReplicaSqlThread();
        for (int i = 0; i < 10; i++) {
            fail(i % 2 == 0 ? instanceA : instanceB, name, "192.0.2." + i);
        }

        for (Postbox instance : new Postbox[] {instanceA, instanceB}) {
            assertThatThrownBy(() -> instance.logIn().logIn(new LogIn(name, Accounts.PASSWORD, "192.0.2.200")))
                    .isInstanceOfSatisfying(ThrottledException.class, e -> {
                        assertThat(e.code()).isEqualTo("login.throttled");
                        assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
                    });
        }
        assertThat(servers.primary().query("SELECT COUNT(*) FROM postbox.postbox_login_failure WHERE throttle_key = 'u:"
                + name.toLowerCase(java.util.Locale.ROOT) + "'").strip()).isEqualTo("10");
    }

    @Test
    void anAddressIsThrottledAcrossInstancesAndASuccessResetsTheUsernameEverywhere() {
        String name = Accounts.uniqueName("rst");
        instanceA.register().register(new RegisterUser(name, "r@example.org", Accounts.PASSWORD));
        for (int i = 0; i < 9; i++) {
            fail(i % 2 == 0 ? instanceA : instanceB, name, "192.0.2.77");
        }
        instanceB.logIn().logIn(new LogIn(name, Accounts.PASSWORD, "192.0.2.78"));
        for (int i = 0; i < 9; i++) {
            fail(i % 2 == 0 ? instanceB : instanceA, name, "192.0.2.79");
        }
        assertThat(instanceA.logIn().logIn(new LogIn(name, Accounts.PASSWORD, "192.0.2.80")).user().username().value()).isEqualTo(name);

        String address = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffff);
        for (int i = 0; i < 50; i++) {
            fail(i % 2 == 0 ? instanceA : instanceB, Accounts.uniqueName("spray"), address);
        }
        assertThatThrownBy(() -> instanceB.logIn().logIn(new LogIn(name, Accounts.PASSWORD, address)))
                .isInstanceOf(ThrottledException.class);
        assertThat(instanceA.logIn().logIn(new LogIn(name, Accounts.PASSWORD, "192.0.2.81")).user().username().value()).isEqualTo(name);
    }
}
