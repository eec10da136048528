package dev.postbox.localstores.cassandra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCassandraNodeTest {

    @Test
    void yamlHasTheNodesAddressPortsSeedsAndDirectories(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("cassandra-all-5.0.6.jar"));
        LocalCassandraNode node = LocalCassandraNode.builder(dir.resolve("n2")).clusterName("c1").address("127.0.0.2")
                .nativePort(19042).storagePort(17000).jmxPort(17199).seeds(List.of("127.0.0.1", "127.0.0.2"))
                .serverLib(lib).java(Path.of("/usr/bin/java")).build();
        String yaml = node.yaml();
        assertThat(yaml).contains("cluster_name: 'c1'", "listen_address: 127.0.0.2", "rpc_address: 127.0.0.2",
                "storage_port: 17000", "native_transport_port: 19042", "- seeds: \"127.0.0.1:17000,127.0.0.2:17000\"",
                "auto_bootstrap: false", "auto_snapshot: false", "num_tokens: 16", "endpoint_snitch: SimpleSnitch",
                "commitlog_directory: " + dir.resolve("n2").resolve("commitlog").toAbsolutePath());
        assertThat(node.nativeAddress().getPort()).isEqualTo(19042);
        assertThat(node.logFile()).isEqualTo(dir.resolve("n2").toAbsolutePath().resolve("node.log"));
    }

    @Test
    void jdk17OptionsAreCassandras() {
        assertThat(NodeLaunch.JDK17_OPTIONS).contains("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED", "-Djdk.attach.allowAttachSelf=true");
    }

    @Test
    void badSettingsAreRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalCassandraNode.builder(dir).clusterName("it's"))
                .hasMessage("cluster name \"it's\" must be 1 to 64 letters, digits, '_', '.' or '-'");
        assertThatThrownBy(() -> LocalCassandraNode.builder(dir).heap("lots"))
                .hasMessage("heap \"lots\" is not like 512m or 1g");
    }

    @Test
    void freePortsAreFreeOnEveryAddress() {
        int port = FreePorts.onAll(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"));
        assertThat(FreePorts.isFree("127.0.0.1", port)).isTrue();
        assertThat(FreePorts.isFree("127.0.0.3", port)).isTrue();
    }

    @Test
    void findsAJdk17AndTheServerLibOfThisBuild() throws Exception {
        Path java = CassandraServerLib.java17();
        Process version = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes());
        assertThat(version.waitFor()).isZero();
        assertThat(out).containsPattern("version \"17");
        assertThat(CassandraServerLib.isServerLib(Path.of("does-not-exist"))).isFalse();
    }
}
