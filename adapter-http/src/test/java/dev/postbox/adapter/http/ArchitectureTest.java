package dev.postbox.adapter.http;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.postbox.ports.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The web adapter uses the ports and its web libraries only: never storage or another adapter. */
class ArchitectureTest {
    private static final JavaClasses MAIN = ArchitectureRules.importMainClasses();

    @Test
    void usesOnlyThePortsAndItsWebLibraries() {
        ArchitectureRules.onlyAllowed("dev.postbox.adapter.http", "io.javalin..", "io.pebbletemplates..",
                "com.fasterxml.jackson..", "io.micrometer..", "org.slf4j..", "org.eclipse.jetty..",
                "jakarta.servlet..").check(MAIN);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersMustNotDependOnEachOther().check(MAIN);
    }

    @Test
    void startsNoLocalServer() {
        ArchitectureRules.onlyTheLauncherUsesTheLocalStores().check(MAIN);
    }
}
