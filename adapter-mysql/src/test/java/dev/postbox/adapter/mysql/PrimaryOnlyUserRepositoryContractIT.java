package dev.postbox.adapter.mysql;

import dev.postbox.ports.contract.UserRepositoryContract;
import dev.postbox.ports.out.UserRepository;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user contract with one pool on the primary (replica URL = primary URL). */
@ExtendWith({MariaDbPair.Extension.class})
class PrimaryOnlyUserRepositoryContractIT extends UserRepositoryContract {
    private final MariaDbPair db;

    PrimaryOnlyUserRepositoryContractIT(MariaDbPair db) {
        this.db = db;
    }

    @Override
    protected UserRepository repository() {
        return db.sharedPrimaryOnlyStorage().users();
    }
}
