package dev.pilothouse.desktop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineParserTest {

    @Test
    void noArgumentsMeansTheDefaults() throws Exception {
        CommandLine cl = CommandLineParser.parse();
        assertThat(cl.demo()).isFalse();
        assertThat(cl.demoServer()).isFalse();
        assertThat(cl.screenshot()).isEmpty();
    }

    @Test
    void parsesTheScreenshotContract() throws Exception {
        CommandLine cl = CommandLineParser.parse("--demo", "--screenshot", "out.png", "--view", "pods", "--size",
                "1280x800", "--theme", "dark", "--read-only");
        assertThat(cl.demo()).isTrue();
        assertThat(cl.screenshot()).contains(Path.of("out.png"));
        assertThat(cl.view()).contains("pods");
        assertThat(cl.width()).isEqualTo(1280);
        assertThat(cl.height()).isEqualTo(800);
        assertThat(cl.theme()).contains("dark");
        assertThat(cl.readOnly()).isTrue();
    }

    @Test
    void acceptsOptionEqualsValue() throws Exception {
        assertThat(CommandLineParser.parse("--context=prod").context()).contains("prod");
    }

    @Test
    void parsesTheDemoServer() throws Exception {
        CommandLine cl = CommandLineParser.parse("--demo-server", "18080", "--write-kubeconfig", "k.yaml");
        assertThat(cl.demoServerPort()).isEqualTo(18080);
        assertThat(cl.writeKubeconfig()).contains(Path.of("k.yaml"));
    }

    @Test
    void parsesTheMetricsPort() throws Exception {
        assertThat(CommandLineParser.parse("--demo", "--metrics-port", "9464").metricsPort()).hasValue(9464);
        assertThat(CommandLineParser.parse("--metrics-port=0").metricsPort()).hasValue(0);
        assertThat(CommandLineParser.parse("--demo").metricsPort()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--frobnicate|unknown option --frobnicate",
            "stray|unexpected argument 'stray'",
            "--kubeconfig|--kubeconfig needs a file",
            "--view --demo|--view needs a view id",
            "--screenshot out.png --size big|--size must look like 1440x900",
            "--screenshot out.jpg|name it *.png",
            "--size 800x600|--size only works with --screenshot",
            "--demo-server 99999|between 0 and 65534",
            "--write-kubeconfig k.yaml|only works with --demo-server",
            "--demo --kubeconfig k|exclude each other",
            "--demo=yes|--demo takes no value",
            "--metrics-port|--metrics-port needs a port",
            "--metrics-port http|--metrics-port needs a port between 0 and 65535, was 'http'",
            "--metrics-port 65536|--metrics-port needs a port between 0 and 65535",
            "--metrics-port -1|--metrics-port needs a port",
            "--demo-server 8080 --metrics-port 9464|does not work with --demo-server"})
    void badArgumentsFailWithOneClearLine(String args, String message) {
        assertThatThrownBy(() -> CommandLineParser.parse(args.split(" ")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void usageMentionsEveryOption() {
        for (String option : new String[] {"--demo", "--kubeconfig", "--context", "--read-only", "--screenshot", "--view",
                "--size", "--theme", "--list-views", "--demo-server", "--write-kubeconfig", "--metrics-port", "--version",
                "--help"}) {
            assertThat(CommandLine.usage()).contains(option);
        }
    }
}
