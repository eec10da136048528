package dev.postbox.localstores.cassandra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The settings of a {@link LocalCassandraNode}, from {@link LocalCassandraNode#builder(Path)}. */
public final class NodeBuilder {
    final Path directory;
    String clusterName = "postbox-local";
    String address = "127.0.0.1";
    int nativePort;
    int storagePort;
    int jmxPort;
    List<String> seeds = List.of();
    String heap = "1g";
    boolean passwordAuthentication;
    List<String> initialTokens = List.of();
    Path serverLib;
    Path java;
    Duration stopGrace = Duration.ofSeconds(30);

    NodeBuilder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Must stay the same across restarts of a data directory. */
    public NodeBuilder clusterName(String value) {
        if (!value.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new IllegalArgumentException("cluster name \"" + value + "\" must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        this.clusterName = value;
        return this;
    }

    /** A loopback address such as 127.0.0.2 (every 127.x address works on Linux without setup). */
    public NodeBuilder address(String value) {
        this.address = Objects.requireNonNull(value);
        return this;
    }

    /** CQL port; free one chosen when not set. */
    public NodeBuilder nativePort(int value) {
        this.nativePort = value;
        return this;
    }

    /** Gossip/internode port, the same on every node of a cluster; free one chosen when not set. */
    public NodeBuilder storagePort(int value) {
        this.storagePort = value;
        return this;
    }

    public NodeBuilder jmxPort(int value) {
        this.jmxPort = value;
        return this;
    }

    /** Seed addresses (this node alone when empty); they use this node's storage port. */
    public NodeBuilder seeds(List<String> value) {
        this.seeds = List.copyOf(value);
        return this;
    }

    /** Maximum heap as for {@code -Xmx}: {@code 1g} by default. */
    public NodeBuilder heap(String value) {
        if (!value.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("heap \"" + value + "\" is not like 512m or 1g");
        }
        this.heap = value;
        return this;
    }

    /**
     * Fixed tokens for this node (16 of them). Nodes of a cluster started together must not
     * pick tokens by allocation: two joining at once were seen to choose the same ones.
     */
    public NodeBuilder initialTokens(List<String> value) {
        this.initialTokens = List.copyOf(value);
        return this;
    }

    /** PasswordAuthenticator with the default superuser cassandra/cassandra. */
    public NodeBuilder passwordAuthentication(boolean value) {
        this.passwordAuthentication = value;
        return this;
    }

    /** The folder of cassandra-all and its dependencies; {@link CassandraServerLib#locate()} when not set. */
    public NodeBuilder serverLib(Path value) {
        this.serverLib = value;
        return this;
    }

    /** A JDK 17 {@code java}; {@link CassandraServerLib#java17()} when not set. */
    public NodeBuilder java(Path value) {
        this.java = value;
        return this;
    }

    /** How long a stop waits after SIGTERM before SIGKILL. */
    public NodeBuilder stopGrace(Duration value) {
        this.stopGrace = Objects.requireNonNull(value);
        return this;
    }

    public LocalCassandraNode build() {
        return new LocalCassandraNode(this);
    }
}
