package dev.postbox.adapter.mysql;

import dev.postbox.domain.PasswordPolicy;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.service.AccountService;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The real account service over a MySQL storage, with a cheap Argon2id so tests measure the store. */
final class Accounts {
    static final String PASSWORD = "correct horse battery staple 42";

    private Accounts() {
    }

    static AccountService over(MySqlStorage storage) {
        return new AccountService(storage.users(), storage.sessions(), new DjangoPasswordHasher(64, 1, 1),
                new RandomIds(), Clock.systemUTC(), SessionPolicy.DEFAULT, PasswordPolicy.standard(),
                storage.unitOfWork());
    }

    static String uniqueName(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}
