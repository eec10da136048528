package dev.postbox.adapter.mysql;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.postbox.ports.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This adapter in the module table: no other adapter, and no local server in its main code. */
class ArchitectureTest {
    private static final JavaClasses MAIN = ArchitectureRules.importMainClasses();

    @Test
    void dependsOnNoOtherAdapter() {
        ArchitectureRules.adaptersMustNotDependOnEachOther().check(MAIN);
    }

    @Test
    void startsNoLocalServer() {
        ArchitectureRules.checkOnlyTheLauncherUsesTheLocalStores(MAIN);
    }
}
