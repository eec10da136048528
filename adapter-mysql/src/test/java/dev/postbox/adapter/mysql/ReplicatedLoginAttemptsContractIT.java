package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.LoginAttemptsContract;
import dev.postbox.ports.out.LoginAttempts;
import org.junit.jupiter.api.extension.ExtendWith;

/** The login-attempts contract on the split storage (counts are read on the primary). */
@ExtendWith(MariaDbPair.Extension.class)
class ReplicatedLoginAttemptsContractIT extends LoginAttemptsContract {
    private final MariaDbPair db;

    ReplicatedLoginAttemptsContractIT(MariaDbPair db) {
        this.db = db;
    }

    @Override
    protected LoginAttempts repository() {
        return db.sharedSplitStorage().loginAttempts();
    }
}
