package dev.postbox.adapter.cassandra;

import dev.postbox.ports.contract.PostRepositoryContract;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The port's contract on one real node (one repository shared by all tests, as in the app). */
@ExtendWith(SingleNodeCassandra.class)
class CassandraPostRepositoryContractIT extends PostRepositoryContract {
    private static PostRepository posts;

    @BeforeAll
    static void connect(CassandraStorage storage) {
        posts = storage.posts();
    }

    @Override
    protected PostRepository repository() {
        return posts;
    }
}
