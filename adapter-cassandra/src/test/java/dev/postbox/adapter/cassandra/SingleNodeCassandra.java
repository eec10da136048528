package dev.postbox.adapter.cassandra;

import dev.postbox.localstores.cassandra.LocalCassandraNode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One real node for the whole test run (root store: started by the first class that asks,
 * stopped when the run ends, also when tests fail). Resolves {@link CassandraStorage} (keyspace
 * posts_db, migrated) and {@link LocalCassandraNode} parameters.
 */
public final class SingleNodeCassandra implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SingleNodeCassandra.class);

    static final class Shared implements AutoCloseable {
        final LocalCassandraNode node;
        final CassandraStorage storage;

        private Shared() {
            Path dir = TestNodes.runDir("single");
            Instant start = Instant.now();
            node = LocalCassandraNode.builder(dir).clusterName("postbox-it-single").build();
            try {
                node.startAndAwaitReady(TestNodes.START_TIMEOUT);
                TestNodes.record("single node start (ready for CQL)", start);
                storage = CassandraStorage.open(CassandraConfig.of(node.nativeAddress()));
                Instant migrate = Instant.now();
                storage.migrate();
                TestNodes.record("single node migrate posts_db", migrate);
            } catch (RuntimeException | Error e) {
                node.stop();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                storage.close();
            } finally {
                Instant stop = Instant.now();
                node.stop();
                TestNodes.record("single node stop", stop);
                node.deleteData();
            }
        }
    }

    static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Shared.class, k -> new Shared(), Shared.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CassandraStorage.class || type == LocalCassandraNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared shared = shared(context);
        return parameter.getParameter().getType() == CassandraStorage.class ? shared.storage : shared.node;
    }
}
