package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.SessionRepositoryContract;
import dev.postbox.ports.out.SessionRepository;
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
}
