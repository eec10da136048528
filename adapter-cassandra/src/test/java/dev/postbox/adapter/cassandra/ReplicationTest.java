package dev.postbox.adapter.cassandra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationTest {

    @Test
    void simpleStrategy() {
        Replication r = Replication.parse("SimpleStrategy:3");
        assertThat(r).isEqualTo(new Replication.Simple(3));
        assertThat(r.toCql()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 3}");
        assertThat(r.factorIn("anything")).isEqualTo(3);
        assertThat(r).hasToString("SimpleStrategy:3");
    }

    @Test
    void networkTopologyStrategyKeepsTheOrderGiven() {
        Replication r = Replication.parse(" NetworkTopologyStrategy: dc2=3, dc1 = 2 ");
        assertThat(r).isEqualTo(new Replication.NetworkTopology(Map.of("dc2", 3, "dc1", 2)));
        assertThat(r.toCql()).isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc2': 3, 'dc1': 2}");
        assertThat(r.factorIn("dc1")).isEqualTo(2);
        assertThat(r.factorIn("dc9")).isZero();
        assertThat(r).hasToString("NetworkTopologyStrategy:dc2=3,dc1=2");
        assertThat(Replication.parse(r.toString())).isEqualTo(r);
    }

    @Test
    void strategyNamesAreCaseInsensitive() {
        assertThat(Replication.parse("simplestrategy:1")).isEqualTo(new Replication.Simple(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| replication is empty; expected SimpleStrategy:<factor> or NetworkTopologyStrategy:<datacenter>=<factor>[,<datacenter>=<factor>...]",
            "SimpleStrategy| replication \"SimpleStrategy\" has no ':'; expected SimpleStrategy:<factor> or NetworkTopologyStrategy:<datacenter>=<factor>[,<datacenter>=<factor>...]",
            "SimpleStrategy:0| replication factor \"0\" is not a whole number from 1 to 99",
            "SimpleStrategy:three| replication factor \"three\" is not a whole number from 1 to 99",
            "SimpleStrategy:100| replication factor \"100\" is not a whole number from 1 to 99",
            "SimpleStrategy:| replication factor \"\" is not a whole number from 1 to 99",
            "LocalStrategy:1| replication strategy \"LocalStrategy\" is not SimpleStrategy or NetworkTopologyStrategy; expected SimpleStrategy:<factor> or NetworkTopologyStrategy:<datacenter>=<factor>[,<datacenter>=<factor>...]",
            "NetworkTopologyStrategy:| replication: NetworkTopologyStrategy needs at least one <datacenter>=<factor>",
            "NetworkTopologyStrategy:dc1| replication: \"dc1\" is not <datacenter>=<factor>",
            "NetworkTopologyStrategy:dc1=3,| replication: \"\" is not <datacenter>=<factor>",
            "NetworkTopologyStrategy:dc1=3,dc1=2| replication: datacenter \"dc1\" is named twice",
            "NetworkTopologyStrategy:dc'1=3| replication: datacenter name \"dc'1\" must be 1 to 64 letters, digits, '_', '.' or '-'",
            "NetworkTopologyStrategy:=3| replication: datacenter name \"\" must be 1 to 64 letters, digits, '_', '.' or '-'",
    })
    void malformedValuesAreRefusedWithExactMessages(String text, String message) {
        assertThatThrownBy(() -> Replication.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
