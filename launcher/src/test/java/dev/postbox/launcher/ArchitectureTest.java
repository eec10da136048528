package dev.postbox.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.postbox.ports.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher alone wires the local servers, and within it only {@link EmbeddedStack} touches
 * them: every other command then loads without {@code run-lib/} (the app image has none).
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = ArchitectureRules.importMainClasses();

    @Test
    void noOtherModuleUsesTheLocalStores() {
        ArchitectureRules.checkOnlyTheLauncherUsesTheLocalStores(MAIN);
    }

    @Test
    void onlyTheEmbeddedStackUsesTheLocalStores() {
        noClasses().that().resideInAPackage(ArchitectureRules.LAUNCHER + "..")
                .and().doNotHaveFullyQualifiedName(EmbeddedStack.class.getName())
                .should().dependOnClassesThat().resideInAPackage(ArchitectureRules.LOCAL_STORES + "..")
                .because("serve, selfcheck and the operator commands must start without run-lib/")
                .check(MAIN);
    }

    @Test
    void embeddedRequirementsNamesARealRunnerClass() throws ClassNotFoundException {
        assertThat(Class.forName(EmbeddedRequirements.RUNNER_CLASS).getPackageName())
                .startsWith(ArchitectureRules.LOCAL_STORES);
    }
}
