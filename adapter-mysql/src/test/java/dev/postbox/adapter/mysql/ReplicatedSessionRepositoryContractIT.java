package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.SessionRepositoryContract;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session contract through both pools: reads on the replica, each test one unit of work. */
@ExtendWith({MariaDbPair.Extension.class, InUnitOfWork.class})
class ReplicatedSessionRepositoryContractIT extends SessionRepositoryContract {
    private final MariaDbPair db;

    ReplicatedSessionRepositoryContractIT(MariaDbPair db) {
        this.db = db;
    }

    @Override
    protected SessionRepository repository() {
        return db.sharedSplitStorage().sessions();
    }

    /** The store's own users, so findWithUser takes the one-JOIN path. */
    @Override
    protected UserRepository users() {
        return db.sharedSplitStorage().users();
    }
}
