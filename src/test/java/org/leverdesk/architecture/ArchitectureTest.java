package org.leverdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md as tests: the engine is free of JavaFX and packages form no cycle. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.leverdesk");
    }

    @Test
    void onlyUiAndAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.leverdesk.ui..", "org.leverdesk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..", "io.fair_acc..")
                .because("backtest, paper and live run the same engine code headless (ARCHITECTURE.md)")
                .check(main);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("org.leverdesk.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void subPackagesFormNoCycle() {
        slices().matching("org.leverdesk.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void strategiesDoNoIoAndReadNoClock() {
        noClasses().that().resideInAPackage("org.leverdesk.strategy..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..",
                        "org.leverdesk.store..", "org.leverdesk.broker..")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a strategy is a pure function of bars up to now, the portfolio and its config")
                .check(main);
    }

    @Test
    void optionsIsAPureLibrary() {
        noClasses().that().resideInAPackage("org.leverdesk.options..")
                .should().dependOnClassesThat().resideInAnyPackage("org.leverdesk.store..", "org.leverdesk.broker..",
                        "org.leverdesk.execution..", "org.leverdesk.backtest..", "org.leverdesk.risk..", "org.leverdesk.strategy..",
                        "org.leverdesk.ui..", "org.leverdesk.app..", "java.sql..")
                .because("contracts, pricing and chains are a library the engine, strategies and views share")
                .check(main);
        noClasses().that().resideInAPackage("org.leverdesk.options..").and().resideOutsideOfPackage("org.leverdesk.options.data..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the option maths takes its inputs as data; only options.data reads files")
                .check(main);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackages("org.leverdesk.app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("logs go through SLF4J; the CLI owns the console")
                .check(main);
    }
}
