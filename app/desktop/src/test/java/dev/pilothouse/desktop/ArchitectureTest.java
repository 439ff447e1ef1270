package dev.pilothouse.desktop;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.pilothouse.testkit.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the dependency rules over every production module; the desktop module is the one whose test class path
 * holds them all.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.productionClasses();
    }

    @Test
    void everyModuleIsOnTheClassPathSoTheRulesSeeThem() {
        for (String pkg : new String[] {"dev.pilothouse.sdk", "dev.pilothouse.core", "dev.pilothouse.desktop",
                "dev.pilothouse.demo", "dev.pilothouse.plugins.clusters", "dev.pilothouse.themes"}) {
            assertThat(classes.containPackage(pkg)).as("classes of %s imported", pkg).isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> dependencyRulesHold() {
        return ArchitectureRules.ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
