package dev.pilothouse.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of docs/architecture.md, as ArchUnit rules. Each says why, so a failure explains itself.
 */
public final class ArchitectureRules {

    public static final ArchRule SDK_DEPENDS_ON_NOTHING_OF_OURS = noClasses()
            .that().resideInAPackage("dev.pilothouse.sdk..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pilothouse.core..", "dev.pilothouse.desktop..",
                    "dev.pilothouse.demo..", "dev.pilothouse.plugins..", "dev.pilothouse.themes..", "io.fabric8..")
            .because("the SDK is the stable public contract; it depends on nothing of ours and on no client library");

    public static final ArchRule CORE_IS_HEADLESS = noClasses()
            .that().resideInAPackage("dev.pilothouse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("core must run without a JavaFX toolkit (headless CLI, runbook lint in CI)");

    public static final ArchRule CORE_DOES_NOT_KNOW_THE_UI = noClasses()
            .that().resideInAPackage("dev.pilothouse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pilothouse.desktop..", "dev.pilothouse.plugins..",
                    "dev.pilothouse.themes..")
            .because("dependencies point one way: desktop -> core -> sdk");

    public static final ArchRule CORE_DOES_NOT_KNOW_THE_EMULATOR = noClasses()
            .that().resideInAPackage("dev.pilothouse.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pilothouse.demo..")
            .because("users point Pilothouse at real clusters; the data layer must not know the emulator exists");

    public static final ArchRule PLUGINS_USE_ONLY_THE_SDK = noClasses()
            .that().resideInAnyPackage("dev.pilothouse.plugins..", "dev.pilothouse.themes..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pilothouse.core..", "dev.pilothouse.desktop..",
                    "dev.pilothouse.demo..", "io.fabric8..")
            .because("built-in features use exactly the SDK third-party plugins get");

    public static final ArchRule DEMO_IS_STANDALONE = noClasses()
            .that().resideInAPackage("dev.pilothouse.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pilothouse.core..", "dev.pilothouse.desktop..",
                    "dev.pilothouse.plugins..", "dev.pilothouse.sdk..")
            .because("the emulated cluster behaves like an API server and knows nothing of its clients");

    /** Every rule. */
    public static final List<ArchRule> ALL = List.of(SDK_DEPENDS_ON_NOTHING_OF_OURS, CORE_IS_HEADLESS,
            CORE_DOES_NOT_KNOW_THE_UI, CORE_DOES_NOT_KNOW_THE_EMULATOR, PLUGINS_USE_ONLY_THE_SDK, DEMO_IS_STANDALONE);

    private ArchitectureRules() {
    }

    /** Pilothouse's production classes on the class path (tests excluded). */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pilothouse");
    }
}
