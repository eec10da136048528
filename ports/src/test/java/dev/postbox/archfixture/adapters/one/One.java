package dev.postbox.archfixture.adapters.one;

import dev.postbox.archfixture.adapters.two.Two;

/** A deliberate violation: one "adapter" using another, so the architecture rules can be shown to catch it. */
public final class One {
    public String name() {
        return "one uses " + new Two().name();
    }
}
