package dev.postbox.archfixture.localstores;

/** Stands in for a local store runner of the rule fixture. */
public final class LocalServer {
    public String start() {
        return "started";
    }
}
