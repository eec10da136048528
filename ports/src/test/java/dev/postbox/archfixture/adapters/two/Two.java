package dev.postbox.archfixture.adapters.two;

/** The other "adapter" of the rule fixture; it uses nothing but java.lang. */
public final class Two {
    public String name() {
        return "two";
    }
}
