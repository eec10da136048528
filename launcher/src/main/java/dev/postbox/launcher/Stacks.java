package dev.postbox.launcher;

import dev.postbox.launcher.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;

/** Picks the stack for {@code POSTBOX_STORAGE}; an explicit switch, so an unknown kind cannot slip through. */
final class Stacks {
    private Stacks() {
    }

    static Stack open(Settings settings, Progress progress) {
        return open(settings, null, progress);
    }

    static Stack open(Settings settings, MeterRegistry registry, Progress progress) {
        return switch (settings.storage()) {
            case MEMORY -> new MemoryStack();
            case EXTERNAL -> ExternalStack.open(settings, registry, progress);
            case EMBEDDED -> {
                EmbeddedRequirements.check();
                yield EmbeddedStack.open(settings, registry, progress);
            }
        };
    }
}
