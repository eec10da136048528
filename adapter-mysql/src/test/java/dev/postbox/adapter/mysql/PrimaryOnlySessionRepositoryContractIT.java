package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.SessionRepositoryContract;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session contract with one pool on the primary (replica URL = primary URL). */
@ExtendWith({MariaDbPair.Extension.class})
class PrimaryOnlySessionRepositoryContractIT extends SessionRepositoryContract {
    private final MariaDbPair db;

    PrimaryOnlySessionRepositoryContractIT(MariaDbPair db) {
        this.db = db;
    }

    @Override
    protected SessionRepository repository() {
        return db.sharedPrimaryOnlyStorage().sessions();
    }

    /** The store's own users, so findWithUser takes the one-JOIN path. */
    @Override
    protected UserRepository users() {
        return db.sharedPrimaryOnlyStorage().users();
    }
}
