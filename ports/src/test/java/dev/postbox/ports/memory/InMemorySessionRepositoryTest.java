package dev.postbox.ports.memory;

import dev.postbox.ports.contract.SessionRepositoryContract;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UserRepository;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    private static final InMemoryUserRepository USERS = new InMemoryUserRepository();
    private static final InMemorySessionRepository STORE = new InMemorySessionRepository(USERS);

    @Override
    protected SessionRepository repository() {
        return STORE;
    }

    @Override
    protected UserRepository users() {
        return USERS;
    }
}
