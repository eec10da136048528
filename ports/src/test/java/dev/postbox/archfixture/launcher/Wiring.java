package dev.postbox.archfixture.launcher;

import dev.postbox.archfixture.localstores.LocalServer;

/** The fixture's launcher: the one place allowed to start a local server. */
public final class Wiring {
    public String run() {
        return new LocalServer().start();
    }
}
