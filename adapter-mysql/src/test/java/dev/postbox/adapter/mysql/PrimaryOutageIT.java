package dev.postbox.adapter.mysql;

import dev.postbox.domain.DomainException;
import dev.postbox.domain.ErrorKind;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.User;
import dev.postbox.localstores.mariadb.LocalReplicationPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The primary goes away and comes back while the adapter keeps running. */
@ExtendWith(MariaDbPair.Extension.class)
class PrimaryOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(PrimaryOutageIT.class);
    /** A guard against hangs only, far above the connect timeout; the figure itself is logged. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final MariaDbPair db;
    private final LocalReplicationPair servers;

    PrimaryOutageIT(MariaDbPair db) {
        this.db = db;
        this.servers = db.servers();
    }

    @Test
    void writesFailFastWhileThePrimaryIsDownAndWorkAgainWhenItReturns() {
        try (MySqlStorage storage = db.newStorage(db.splitConfig().withConnectTimeout(Duration.ofSeconds(2)))) {
            User existing = storage.users().insert(ReplicationIT.newUser("out"));
            servers.awaitReplicaCaughtUp(Duration.ofSeconds(30));
            try {
                servers.primary().stop();

                Instant start = Instant.now();
                assertTimeoutPreemptively(HANG_GUARD, () -> {
                    assertThatThrownBy(() -> storage.users().insert(ReplicationIT.newUser("refused")))
                            .isInstanceOfSatisfying(StoreUnavailableException.class, e -> {
                                assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                                assertThat(e.code()).isEqualTo("store.unavailable");
                                assertThat(e.getMessage()).doesNotContain("jdbc:", db.password());
                            });
                    assertThatThrownBy(() -> storage.sessions().purgeExpired(Instant.now(), 10))
                            .isInstanceOf(StoreUnavailableException.class);
                });
                LOG.info("two writes refused in {} ms with the primary down (connect timeout {})",
                        Duration.between(start, Instant.now()).toMillis(), storage.config().connectTimeout());
                assertThat(storage.healthChecks().get(0).check().up()).isFalse();
                // reads of replicated rows still work from the replica
                assertThat(storage.users().findById(existing.id())).contains(existing);
            } finally {
                servers.primary().start();
            }

            User after = insertWhenPrimaryAcceptsConnections(storage);
            assertThat(storage.users().findById(after.id())).contains(after);
            assertThat(storage.healthChecks().get(0).check().up()).isTrue();
            servers.awaitReplicaCaughtUp(Duration.ofSeconds(60));
        }
    }

    /** The pool reconnects by itself; the first calls after the restart may still see the outage. */
    private static User insertWhenPrimaryAcceptsConnections(MySqlStorage storage) {
        DomainException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                return storage.users().insert(ReplicationIT.newUser("back"));
            } catch (StoreUnavailableException e) {
                last = e;
            }
        }
        throw new AssertionError("the primary did not accept writes again", last);
    }
}
