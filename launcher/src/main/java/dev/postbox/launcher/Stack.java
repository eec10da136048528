package dev.postbox.launcher;

import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.service.Postbox;

import java.time.Instant;
import java.util.List;

/** The stores one run of Postbox uses, opened and closed together. */
interface Stack extends AutoCloseable {
    Postbox.Storage storage();

    List<HealthCheck> healthChecks();

    /** Applies every store's schema migrations; safe to run twice and from several hosts. @return what was done, one line */
    String migrate();

    /** Deletes expired sessions in batches; returns how many. */
    int clearSessions(Instant now);

    /** What this stack is, for the start-up banner (never with secrets). */
    String describe();

    @Override
    void close();
}
