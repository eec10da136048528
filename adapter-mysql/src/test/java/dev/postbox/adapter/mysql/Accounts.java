package dev.postbox.adapter.mysql;

import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.memory.InMemoryLoginAttempts;
import dev.postbox.ports.memory.InMemoryPostRepository;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.out.LoginAttempts;
import dev.postbox.ports.service.Postbox;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The real core over a MySQL storage's users and sessions, with a cheap Argon2id so tests measure the store. */
final class Accounts {
    static final String PASSWORD = "correct horse battery staple 42";

    private Accounts() {
    }

    /** Failed logins counted in this process only. */
    static Postbox over(MySqlStorage storage) {
        return core(storage, new InMemoryLoginAttempts());
    }

    /** Failed logins counted in the database, as every instance of a deployment shares them. */
    static Postbox withSharedThrottle(MySqlStorage storage) {
        return core(storage, storage.loginAttempts());
    }

    private static Postbox core(MySqlStorage storage, LoginAttempts attempts) {
        return new Postbox(new Postbox.Storage(storage.users(), storage.sessions(), new InMemoryPostRepository(),
                storage.unitOfWork(), attempts), new DjangoPasswordHasher(64, 1, 1), new RandomIds(), Clock.systemUTC(),
                SessionPolicy.DEFAULT);
    }

    static String uniqueName(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
