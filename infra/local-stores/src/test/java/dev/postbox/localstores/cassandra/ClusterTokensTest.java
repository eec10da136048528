package dev.postbox.localstores.cassandra;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTokensTest {
    @Test
    void everyNodeGetsItsOwnSixteenTokensInsideTheRing() {
        List<String> all = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            List<String> tokens = LocalCassandraCluster.tokens(node, 3);
            assertThat(tokens).hasSize(16);
            all.addAll(tokens);
        }
        assertThat(new HashSet<>(all)).hasSize(48);
        BigInteger min = BigInteger.TWO.pow(63).negate();
        BigInteger max = BigInteger.TWO.pow(63).subtract(BigInteger.ONE);
        assertThat(all).allSatisfy(t -> assertThat(new BigInteger(t)).isGreaterThan(min).isLessThanOrEqualTo(max));
        // the same numbers as infra/cassandra/start-nodes computes for node 1 of 3
        assertThat(LocalCassandraCluster.tokens(1, 3).get(0)).isEqualTo("-9031218452753634646");
    }
}
