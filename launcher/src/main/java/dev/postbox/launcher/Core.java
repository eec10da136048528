package dev.postbox.launcher;

import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.crypto.DjangoPasswordHasher;
import dev.postbox.ports.memory.RandomIds;
import dev.postbox.ports.service.Postbox;

import java.time.Clock;

/** Builds the application core over a stack: the one place the services are constructed. */
final class Core {
    private Core() {
    }

    static Postbox of(Stack stack, Settings settings) {
        return new Postbox(stack.storage(), new DjangoPasswordHasher(), new RandomIds(), Clock.systemUTC(),
                settings.sessions(), settings.login(), settings.sessionCacheTtl());
    }
}
