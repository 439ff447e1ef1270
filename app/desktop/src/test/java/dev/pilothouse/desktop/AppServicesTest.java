package dev.pilothouse.desktop;

import dev.pilothouse.core.settings.AppDirs;
import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.desktop.cli.CommandLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad configuration gets a clear message naming the file or context, and the app still starts. */
class AppServicesTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKubeconfigIsNamedAndTheAppStartsWithoutClusters() throws Exception {
        Path missing = dir.resolve("nowhere.yaml");
        try (AppServices services = AppServices.start(CommandLineParser.parse("--kubeconfig", missing.toString()),
                AppDirs.under(dir), List.of())) {
            assertThat(services.problems()).singleElement().asString().contains("nowhere.yaml").contains("does not exist");
            assertThat(services.clusters().clusters()).isEmpty();
            assertThat(services.isDemo()).as("an explicit kubeconfig never falls back to the demo").isFalse();
        }
    }

    @Test
    void anUnknownContextIsNamedAndTheCurrentOneIsUsed() throws Exception {
        try (EmulatedCluster cluster = EmulatedCluster.start("it", 0)) {
            Path kubeconfig = Files.writeString(dir.resolve("k.yaml"), cluster.kubeconfigYaml());
            try (AppServices services = AppServices.start(CommandLineParser.parse("--kubeconfig", kubeconfig.toString(),
                    "--context", "ghost"), AppDirs.under(dir), List.of())) {
                assertThat(services.problems()).singleElement().asString()
                        .contains("context 'ghost'").contains("k.yaml").contains("using demo-it");
                assertThat(services.initialContext()).isEqualTo("demo-it");
            }
        }
    }
}
