package dev.postbox.ports.memory;

import dev.postbox.ports.contract.SessionRepositoryContract;
import dev.postbox.ports.out.SessionRepository;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    private static final InMemorySessionRepository STORE = new InMemorySessionRepository();

    @Override
    protected SessionRepository repository() {
        return STORE;
    }
}
