package dev.postbox.ports.memory;

import dev.postbox.ports.contract.PostRepositoryContract;
import dev.postbox.ports.out.PostRepository;

class InMemoryPostRepositoryTest extends PostRepositoryContract {
    private static final InMemoryPostRepository STORE = new InMemoryPostRepository();

    @Override
    protected PostRepository repository() {
        return STORE;
    }
}
