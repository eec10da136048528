package dev.postbox.adapter.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** One HikariCP pool with its jOOQ context and a count of the statements it ran. */
final class Pool implements AutoCloseable {
    private final String name;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final LongAdder statements = new LongAdder();

    Pool(String name, String url, MySqlConfig config, int size, boolean readOnly, MeterRegistry registry) {
        this.name = name;
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("mysql-" + name);
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(size);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.max(250, config.connectTimeout().toMillis() / 2));
        // the pool starts even when the server is down; the first use reports it, and it heals by itself
        hikari.setInitializationFailTimeout(-1);
        hikari.setAutoCommit(true);
        hikari.setReadOnly(readOnly);
        hikari.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        hikari.setMaxLifetime(Duration.ofMinutes(20).toMillis());
        hikari.addDataSourceProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
        hikari.addDataSourceProperty("socketTimeout", Long.toString(config.queryTimeout().toMillis()));
        hikari.addDataSourceProperty("characterEncoding", "UTF-8");
        hikari.addDataSourceProperty("connectionCollation", "utf8mb4_unicode_ci");
        hikari.addDataSourceProperty("useServerPrepStmts", "true");
        hikari.addDataSourceProperty("cachePrepStmts", "true");
        hikari.addDataSourceProperty("prepStmtCacheSize", "100");
        hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        hikari.addDataSourceProperty("useLocalSessionState", "true");
        hikari.addDataSourceProperty("cacheServerConfiguration", "true");
        hikari.addDataSourceProperty("elideSetAutoCommits", "true");
        hikari.addDataSourceProperty("maintainTimeStats", "false");
        // Hikari's own retries make the pool wait out the connect timeout; the driver should not add more
        hikari.addDataSourceProperty("autoReconnect", "false");
        if (registry != null) {
            hikari.setMetricRegistry(registry);
        }
        this.dataSource = new HikariDataSource(hikari);
        DefaultConfiguration jooq = new DefaultConfiguration();
        jooq.set(dataSource);
        jooq.set(SQLDialect.MYSQL);
        // No fetchWarnings: jOOQ asks every closed statement for its warnings, and when the server
        // died mid-query Connector/J answers that with a NullPointerException that hid the real
        // "communications link failure", so the router did not fall back from a dead replica
        // (seen in ReplicationIT). Postbox never reads SQL warnings.
        jooq.set(new Settings().withRenderSchema(false).withExecuteLogging(false).withFetchWarnings(false));
        jooq.set(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.increment();
            }
        }));
        this.dsl = DSL.using(jooq);
    }

    String name() {
        return name;
    }

    DSLContext dsl() {
        return dsl;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    long statements() {
        return statements.sum();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
