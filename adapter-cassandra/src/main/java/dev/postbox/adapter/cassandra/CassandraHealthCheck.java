package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Metadata;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import dev.postbox.ports.out.HealthCheck;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Ready when, for every token range of the keyspace, enough replicas are up (as the driver sees
 * them) to meet the configured consistency, and one cheap query answers. The replica count comes
 * from the driver's token map, so no extra round trip per range.
 */
public final class CassandraHealthCheck implements HealthCheck {
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);

    private final CqlSession session;
    private final String keyspace;
    private final String localDatacenter;
    private final ConsistencyLevel consistency;

    public CassandraHealthCheck(CqlSession session, String keyspace, String localDatacenter, ConsistencyLevel consistency) {
        this.session = Objects.requireNonNull(session, "session");
        this.keyspace = Objects.requireNonNull(keyspace, "keyspace");
        this.localDatacenter = Objects.requireNonNull(localDatacenter, "localDatacenter");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
    }

    @Override
    public String name() {
        return "cassandra";
    }

    @Override
    public Status check() {
        try {
            Metadata metadata = session.getMetadata();
            if (metadata.getKeyspace(keyspace).isEmpty()) {
                return down("keyspace " + keyspace + " does not exist (run migrate)");
            }
            Optional<TokenMap> tokenMap = metadata.getTokenMap();
            if (tokenMap.isEmpty()) {
                return down("no token map yet");
            }
            boolean local = isLocal(consistency);
            int[] worst = null; // {up, replicas, needed} of the range closest to losing its quorum
            for (TokenRange range : tokenMap.get().getTokenRanges()) {
                int replicas = 0;
                int up = 0;
                for (Node node : tokenMap.get().getReplicas(keyspace, range)) {
                    if (!local || localDatacenter.equals(node.getDatacenter())) {
                        replicas++;
                        up += node.getState() == NodeState.UP ? 1 : 0;
                    }
                }
                if (replicas == 0) {
                    return down("no replicas of " + keyspace + " in datacenter " + localDatacenter);
                }
                int needed = needed(replicas);
                if (worst == null || up - needed < worst[0] - worst[2]) {
                    worst = new int[] {up, replicas, needed};
                }
            }
            if (worst == null) {
                return down("no token ranges known yet");
            }
            String detail = worst[0] + " of " + worst[1] + " replicas up, " + consistency + " needs " + worst[2];
            if (worst[0] < worst[2]) {
                return down(detail);
            }
            session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
                    .setTimeout(PROBE_TIMEOUT).setConsistencyLevel(DefaultConsistencyLevel.ONE).setIdempotent(true));
            return new Status(name(), true, detail);
        } catch (RuntimeException e) {
            // never a stack trace or an address list: the class name says enough for /health/ready
            return down(e.getClass().getSimpleName());
        }
    }

    private int needed(int replicas) {
        if (!(consistency instanceof DefaultConsistencyLevel level)) {
            return replicas / 2 + 1;
        }
        return switch (level) {
            case ONE, LOCAL_ONE, ANY -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case ALL -> replicas;
            default -> replicas / 2 + 1;
        };
    }

    private static boolean isLocal(ConsistencyLevel level) {
        return level == DefaultConsistencyLevel.LOCAL_QUORUM || level == DefaultConsistencyLevel.LOCAL_ONE;
    }

    private Status down(String detail) {
        return new Status(name(), false, detail);
    }
}
