package org.sdvp.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of every module on the command line's class path (all but sdvp-spark and sdvp-bench) form an
 * acyclic graph: a package can be read, tested and moved knowing only those below it (docs/architecture.md,
 * <i>Package dependencies</i>). sdvp-cli sees every module, so the rule is checked here once.
 */
class ArchitectureTest {
    // main code only: test classes come as folders (test-classes) or, from a full reactor build, as test jars
    private static final JavaClasses PROJECT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.sdvp");

    @Test
    void everyModuleIsImported() {
        for (String p : new String[] {
            "org.sdvp.core",
            "org.sdvp.data",
            "org.sdvp.world",
            "org.sdvp.models",
            "org.sdvp.distill",
            "org.sdvp.viper",
            "org.sdvp.llm",
            "org.sdvp.backends",
            "org.sdvp.serve",
            "org.sdvp.cli"
        }) {
            assertTrue(PROJECT.containPackage(p), p + " was not on the class path: the rule below would not see it");
        }
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.sdvp.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(PROJECT);
    }
}
