package dev.postbox.adapter.cassandra;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.postbox.ports.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md for this adapter: ports, the driver, Micrometer, SLF4J and nothing else. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.importMainClasses();

    @Test
    void usesOnlyTheDriverMicrometerAndSlf4j() {
        ArchitectureRules.onlyAllowed("dev.postbox.adapter.cassandra",
                "com.datastax.oss.driver.api..", "io.micrometer.core.instrument", "org.slf4j").check(CLASSES);
    }

    @Test
    void dependsOnNoOtherAdapter() {
        ArchitectureRules.adaptersMustNotDependOnEachOther().check(CLASSES);
    }

    @Test
    void startsNoLocalServer() {
        ArchitectureRules.checkOnlyTheLauncherUsesTheLocalStores(CLASSES);
    }
}
