package dev.postbox.ports.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of docs/architecture.md as ArchUnit rules, for the ports build and for any adapter
 * module's own test (it needs {@code archunit-junit5} in test scope beside the ports test-jar):
 * <pre>{@code
 * JavaClasses classes = ArchitectureRules.importMainClasses();
 * ArchitectureRules.adaptersMustNotDependOnEachOther().check(classes);
 * ArchitectureRules.onlyAllowed("dev.postbox.adapter.mysql", "javax.sql..", "org.jooq..", "com.zaxxer..",
 *         "org.flywaydb..", "org.slf4j..").check(classes);
 * }</pre>
 */
public final class ArchitectureRules {
    public static final String DOMAIN = "dev.postbox.domain..";
    public static final String PORTS = "dev.postbox.ports..";
    /** Each adapter lives in its own package below this one: {@code dev.postbox.adapter.mysql}, ... */
    public static final String ADAPTER_ROOT = "dev.postbox.adapter";
    /** The local MariaDB and Cassandra servers (postbox-local-stores): for tests and the embedded run only. */
    public static final String LOCAL_STORES = "dev.postbox.localstores";
    /** The one module that wires: the only production code that may start local servers. */
    public static final String LAUNCHER = "dev.postbox.launcher";

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private ArchitectureRules() {
    }

    /** Postbox's production classes on the class path: no test classes, nothing from a test-jar. */
    public static JavaClasses importMainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("dev.postbox");
    }

    /** The domain is plain Java: nothing but the JDK's {@code java.*} packages and itself. */
    public static ArchRule domainUsesOnlyTheJdk() {
        return classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .as("the domain uses only java.* and itself");
    }

    /**
     * Ports use the domain, the JDK ({@code java.*}, and {@code javax.crypto} for PBKDF2) and one
     * crypto library, BouncyCastle (Argon2id).
     */
    public static ArchRule portsUseOnlyTheDomainTheJdkAndBouncyCastle() {
        return classes().that().resideInAPackage(PORTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", DOMAIN, PORTS, "org.bouncycastle..")
                .as("ports use only java.*, javax.crypto, the domain, themselves and BouncyCastle");
    }

    /** No adapter package uses another: {@code dev.postbox.adapter.mysql} never sees {@code ...adapter.http}. */
    public static ArchRule adaptersMustNotDependOnEachOther() {
        return adaptersMustNotDependOnEachOther(ADAPTER_ROOT);
    }

    /** The same for adapters below another root (used to test the rule itself). */
    public static ArchRule adaptersMustNotDependOnEachOther(String root) {
        return slices().matching(root + ".(*)..").should().notDependOnEachOther()
                // a module holding one adapter, or none, has nothing to compare: that is not a failure
                .allowEmptyShould(true)
                .as("adapters below " + root + " do not depend on each other");
    }

    /**
     * No production code but the launcher uses the local servers (the adapters' tests may): the
     * adapters' jars, and so every embedder, never need the MariaDB binaries or the Cassandra server.
     */
    public static ArchRule onlyTheLauncherUsesTheLocalStores() {
        return onlyTheLauncherUsesTheLocalStores(LOCAL_STORES, LAUNCHER);
    }

    /**
     * Checks {@link #onlyTheLauncherUsesTheLocalStores()} on a module's classes, which must hold the
     * local stores (the adapters' and the launcher's test classpaths do): without them the rule
     * would pass with nothing to find.
     */
    public static void checkOnlyTheLauncherUsesTheLocalStores(JavaClasses classes) {
        if (!classes.containPackage(LOCAL_STORES + ".mariadb") || !classes.containPackage(LOCAL_STORES + ".cassandra")) {
            throw new AssertionError("the local stores (" + LOCAL_STORES + ") are not among the imported classes");
        }
        onlyTheLauncherUsesTheLocalStores().check(classes);
    }

    /** The same for other packages (used to test the rule itself). */
    public static ArchRule onlyTheLauncherUsesTheLocalStores(String localStores, String launcher) {
        return noClasses().that().resideOutsideOfPackages(localStores + "..", launcher + "..")
                .should().dependOnClassesThat().resideInAPackage(localStores + "..")
                // a module whose classpath has no launcher or local stores has nothing to check
                .allowEmptyShould(true)
                .as("only " + launcher + " uses the local stores of " + localStores);
    }

    /**
     * Classes of {@code modulePackage} use only the JDK's {@code java.*}, the domain, the ports,
     * their own package and the {@code allowed} packages (ArchUnit patterns such as {@code "org.jooq.."}).
     */
    public static ArchRule onlyAllowed(String modulePackage, String... allowed) {
        List<String> packages = new ArrayList<>(List.of("java..", DOMAIN, PORTS, modulePackage + ".."));
        packages.addAll(List.of(allowed));
        return classes().that().resideInAPackage(modulePackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages.toArray(String[]::new))
                .as(modulePackage + " uses only " + packages);
    }
}
