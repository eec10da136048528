package dev.postbox.ports;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.postbox.archfixture.adapters.one.One;
import dev.postbox.archfixture.adapters.two.Two;
import dev.postbox.ports.contract.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module rules of docs/architecture.md, for the domain and ports (the adapter modules run their own). */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = ArchitectureRules.importMainClasses();
    }

    @Test
    void importsTheDomainAndThePortsButNoTestClasses() {
        assertThat(main.contain(dev.postbox.domain.Username.class)).isTrue();
        assertThat(main.contain(dev.postbox.ports.crypto.DjangoPasswordHasher.class)).isTrue();
        assertThat(main.contain(ArchitectureTest.class)).isFalse();
        assertThat(main.contain(One.class)).isFalse();
    }

    @Test
    void domainUsesOnlyTheJdk() {
        ArchitectureRules.domainUsesOnlyTheJdk().check(main);
    }

    @Test
    void portsUseOnlyTheDomainTheJdkAndBouncyCastle() {
        ArchitectureRules.portsUseOnlyTheDomainTheJdkAndBouncyCastle().check(main);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersMustNotDependOnEachOther().check(main);
    }

    @Test
    void onlyTheLauncherUsesTheLocalStores() {
        ArchitectureRules.onlyTheLauncherUsesTheLocalStores().check(main);
        // the modules' check insists on seeing the local stores, which this classpath has not
        assertThatThrownBy(() -> ArchitectureRules.checkOnlyTheLauncherUsesTheLocalStores(main))
                .isInstanceOf(AssertionError.class).hasMessageContaining("are not among the imported classes");
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.postbox.archfixture");

        assertThatThrownBy(() -> ArchitectureRules.adaptersMustNotDependOnEachOther("dev.postbox.archfixture.adapters").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("One").hasMessageContaining("Two");
        assertThatThrownBy(() -> ArchitectureRules.onlyAllowed("dev.postbox.archfixture.adapters.one").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Two");
        assertThatCode(() -> ArchitectureRules.onlyAllowed("dev.postbox.archfixture.adapters.one",
                "dev.postbox.archfixture.adapters.two").check(fixture)).doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureRules.onlyAllowed("dev.postbox.archfixture.adapters.two").check(fixture))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.onlyTheLauncherUsesTheLocalStores("dev.postbox.archfixture.localstores",
                "dev.postbox.archfixture.launcher").check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Three").hasMessageNotContaining("Wiring");
    }
}
