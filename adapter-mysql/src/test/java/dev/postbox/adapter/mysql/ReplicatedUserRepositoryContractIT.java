package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.UserRepositoryContract;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user contract through both pools: reads on the replica, each test one unit of work. */
@ExtendWith({MariaDbPair.Extension.class, InUnitOfWork.class})
class ReplicatedUserRepositoryContractIT extends UserRepositoryContract {
    private final MariaDbPair db;

    ReplicatedUserRepositoryContractIT(MariaDbPair db) {
        this.db = db;
    }

    @Override
    protected UserRepository repository() {
        return db.sharedSplitStorage().users();
    }
}
