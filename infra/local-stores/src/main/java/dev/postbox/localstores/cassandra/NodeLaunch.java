package dev.postbox.localstores.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How one local node is launched: its JVM command line (with the flags of Cassandra's
 * conf/jvm17-server.options), its cassandra.yaml and logback.xml. Kept apart from
 * {@link LocalCassandraNode}, which runs the process and waits for it.
 */
record NodeLaunch(Path directory, String clusterName, String address, int nativePort, int storagePort, int jmxPort,
                  List<String> seeds, String heap, boolean passwordAuthentication, List<String> initialTokens,
                  Path serverLib, Path javaLauncher) {

    /** The add-exports/add-opens of Cassandra 5.0's conf/jvm17-server.options, and its G1 settings. */
    static final List<String> JDK17_OPTIONS = List.of(
            "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxTenuringThreshold=1",
            "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=300", "-XX:InitiatingHeapOccupancyPercent=70",
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    List<String> command(Path launcherDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher.toString());
        cmd.add("-Xms256m");
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+PerfDisableSharedMem");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(JDK17_OPTIONS);
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-Dcassandra.config=" + directory.resolve("cassandra.yaml").toUri());
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-Dcassandra.storagedir=" + directory);
        cmd.add("-Dcassandra.logdir=" + directory);
        cmd.add("-Dcassandra.triggers_dir=" + directory.resolve("triggers"));
        cmd.add("-Dlogback.configurationFile=" + directory.resolve("logback.xml"));
        cmd.add("-Dcassandra.jmx.local.port=" + jmxPort);
        // a fresh local cluster has nothing to wait for: skip the settle/ring delays
        cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        cmd.add("-Dcassandra.ring_delay_ms=5000");
        cmd.add("-Dcassandra.superuser_setup_delay_ms=0");
        cmd.add("-Dcassandra.consistent.rangemovement=false");
        cmd.add("-cp");
        cmd.add(launcherDir + File.pathSeparator + serverLib.toAbsolutePath() + File.separator + "*");
        cmd.add(ServerMain.class.getName());
        return cmd;
    }

    Path writeServerMain() throws IOException {
        String resource = ServerMain.class.getName().replace('.', '/') + ".class";
        Path target = directory.resolve("launcher").resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = ServerMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot read " + resource);
            }
            Files.write(target, in.readAllBytes());
        }
        return directory.resolve("launcher");
    }

    String yaml() {
        String seedList = seeds.stream().map(s -> s + ":" + storagePort).collect(Collectors.joining(","));
        return String.join("\n",
                "# written by LocalCassandraNode on every start",
                "cluster_name: '" + clusterName + "'",
                "num_tokens: 16",
                initialTokens.isEmpty() ? "allocate_tokens_for_local_replication_factor: 3"
                        : "initial_token: " + String.join(",", initialTokens),
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "authenticator: " + (passwordAuthentication ? "PasswordAuthenticator" : "AllowAllAuthenticator"),
                "authorizer: AllowAllAuthorizer",
                "role_manager: CassandraRoleManager",
                "data_file_directories:",
                "  - " + directory.resolve("data"),
                "commitlog_directory: " + directory.resolve("commitlog"),
                "saved_caches_directory: " + directory.resolve("saved_caches"),
                "hints_directory: " + directory.resolve("hints"),
                "cdc_raw_directory: " + directory.resolve("cdc_raw"),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + seedList + "\"",
                "listen_address: " + address,
                "rpc_address: " + address,
                "storage_port: " + storagePort,
                "native_transport_port: " + nativePort,
                "start_native_transport: true",
                "endpoint_snitch: SimpleSnitch",
                // a new local cluster has no data to stream; every node joins at once
                "auto_bootstrap: false",
                "auto_snapshot: false",
                // sized for a 2-core machine running several nodes
                "concurrent_reads: 8",
                "concurrent_writes: 8",
                "concurrent_counter_writes: 2",
                "concurrent_materialized_view_writes: 2",
                "concurrent_compactors: 1",
                "memtable_flush_writers: 1",
                "native_transport_max_threads: 32",
                "key_cache_size: 16MiB",
                "counter_cache_size: 0MiB",
                "file_cache_size: 64MiB",
                "networking_cache_size: 32MiB",
                "hinted_handoff_enabled: true",
                "max_hint_window: 3h",
                "hints_flush_period: 2000ms",
                "disk_failure_policy: stop",
                "commit_failure_policy: stop",
                "");
    }

    static final String LOGBACK = """
            <configuration scan="false">
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;
}
