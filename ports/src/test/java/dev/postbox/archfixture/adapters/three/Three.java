package dev.postbox.archfixture.adapters.three;

import dev.postbox.archfixture.localstores.LocalServer;

/** A deliberate violation: an "adapter" whose main code starts a local server. */
public final class Three {
    public String name() {
        return "three " + new LocalServer().start();
    }
}
