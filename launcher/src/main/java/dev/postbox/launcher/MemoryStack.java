package dev.postbox.launcher;

import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.service.Postbox;

import java.time.Instant;
import java.util.List;

/** Everything in this process's memory: for demos and tests. Nothing survives an exit. */
final class MemoryStack implements Stack {
    private final Postbox.Storage storage = Postbox.Storage.inMemory();

    @Override
    public Postbox.Storage storage() {
        return storage;
    }

    @Override
    public List<HealthCheck> healthChecks() {
        return List.of();
    }

    @Override
    public String migrate() {
        return "nothing to migrate in memory";
    }

    @Override
    public int clearSessions(Instant now) {
        int total = 0;
        for (int n = storage.sessions().purgeExpired(now, 1000); n > 0; n = storage.sessions().purgeExpired(now, 1000)) {
            total += n;
        }
        return total;
    }

    @Override
    public String describe() {
        return "in-memory storage (data is lost when the process exits)";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
