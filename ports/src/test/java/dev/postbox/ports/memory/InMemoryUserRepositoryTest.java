package dev.postbox.ports.memory;

import dev.postbox.ports.contract.UserRepositoryContract;
import dev.postbox.ports.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    // one store for the whole class, as the real adapters share one database
    private static final InMemoryUserRepository STORE = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return STORE;
    }
}
