package dev.postbox.adapter.cassandra;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the keyspace is replicated, written {@code SimpleStrategy:1} (one datacenter, local use) or
 * {@code NetworkTopologyStrategy:dc1=3,dc2=3} (per datacenter, production). Only used when
 * {@code migrate} creates the keyspace; an existing keyspace keeps its replication.
 */
public sealed interface Replication {
    String FORMAT = "SimpleStrategy:<factor> or NetworkTopologyStrategy:<datacenter>=<factor>[,<datacenter>=<factor>...]";
    int MAX_FACTOR = 99;

    /** The CQL map literal for {@code CREATE KEYSPACE ... WITH replication = }. */
    String toCql();

    /** The largest factor of any datacenter: the number of replicas a write lands on there. */
    int factorIn(String datacenter);

    record Simple(int factor) implements Replication {
        public Simple {
            checkFactor(factor, String.valueOf(factor));
        }

        @Override
        public String toCql() {
            return "{'class': 'SimpleStrategy', 'replication_factor': " + factor + "}";
        }

        @Override
        public int factorIn(String datacenter) {
            return factor;
        }

        @Override
        public String toString() {
            return "SimpleStrategy:" + factor;
        }
    }

    record NetworkTopology(Map<String, Integer> factors) implements Replication {
        public NetworkTopology {
            if (factors == null || factors.isEmpty()) {
                throw new IllegalArgumentException("replication: NetworkTopologyStrategy needs at least one <datacenter>=<factor>");
            }
            factors.forEach((dc, factor) -> {
                checkDatacenter(dc);
                checkFactor(factor, String.valueOf(factor));
            });
            factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        }

        @Override
        public String toCql() {
            return factors.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "': " + e.getValue())
                    .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
        }

        @Override
        public int factorIn(String datacenter) {
            return factors.getOrDefault(datacenter, 0);
        }

        @Override
        public String toString() {
            return factors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",", "NetworkTopologyStrategy:", ""));
        }
    }

    /**
     * Parses {@code SimpleStrategy:<factor>} or {@code NetworkTopologyStrategy:<dc>=<factor>,...}.
     *
     * @throws IllegalArgumentException with a message naming what is wrong and the expected format
     */
    static Replication parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("replication is empty; expected " + FORMAT);
        }
        String value = text.strip();
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("replication \"" + value + "\" has no ':'; expected " + FORMAT);
        }
        String strategy = value.substring(0, colon).strip();
        String rest = value.substring(colon + 1).strip();
        if (strategy.equalsIgnoreCase("SimpleStrategy")) {
            return new Simple(parseFactor(rest));
        }
        if (strategy.equalsIgnoreCase("NetworkTopologyStrategy")) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("replication: NetworkTopologyStrategy needs at least one <datacenter>=<factor>");
            }
            Map<String, Integer> factors = new LinkedHashMap<>();
            for (String entry : rest.split(",", -1)) {
                String pair = entry.strip();
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("replication: \"" + pair + "\" is not <datacenter>=<factor>");
                }
                String dc = pair.substring(0, eq).strip();
                checkDatacenter(dc);
                if (factors.put(dc, parseFactor(pair.substring(eq + 1).strip())) != null) {
                    throw new IllegalArgumentException("replication: datacenter \"" + dc + "\" is named twice");
                }
            }
            return new NetworkTopology(factors);
        }
        throw new IllegalArgumentException("replication strategy \"" + strategy
                + "\" is not SimpleStrategy or NetworkTopologyStrategy; expected " + FORMAT);
    }

    private static int parseFactor(String text) {
        int factor;
        try {
            factor = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("replication factor \"" + text + "\" is not a whole number from 1 to " + MAX_FACTOR);
        }
        checkFactor(factor, text);
        return factor;
    }

    private static void checkFactor(int factor, String text) {
        if (factor < 1 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("replication factor \"" + text + "\" is not a whole number from 1 to " + MAX_FACTOR);
        }
    }

    /** Datacenter names end up inside a CQL string literal, so only plain names are accepted. */
    private static void checkDatacenter(String dc) {
        Objects.requireNonNull(dc, "datacenter");
        if (!dc.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}")) {
            throw new IllegalArgumentException("replication: datacenter name \"" + dc
                    + "\" must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
    }
}
