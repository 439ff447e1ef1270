package dev.pilothouse.desktop.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parsed command line (design.md section 7).
 *
 * @param demo            start on the embedded demo environment
 * @param kubeconfig      explicit kubeconfig file(s), separated by the path separator
 * @param context         context to select at start
 * @param readOnly        start in read-only mode
 * @param screenshot      write a PNG of the window and exit
 * @param view            view to open at start
 * @param width           window width for screenshots, 0 for the remembered size
 * @param height          window height for screenshots
 * @param theme           theme id to use (and remember unless taking a screenshot)
 * @param listViews       print the view ids and exit
 * @param demoServerPort  run only the emulated cluster on this port (0 = free port); -1 when not asked
 * @param writeKubeconfig with --demo-server: write a kubeconfig for it here
 * @param version         print the version and exit
 * @param help            print usage and exit
 * @param open            an object to open in the detail pane at start: {@code KIND/NAMESPACE/NAME[#Tab]}
 * @param metricsPort     serve the console's own metrics on this loopback port (0 = a free port)
 */
public record CommandLine(boolean demo, Optional<String> kubeconfig, Optional<String> context, boolean readOnly,
                          Optional<Path> screenshot, Optional<String> view, int width, int height,
                          Optional<String> theme, boolean listViews, int demoServerPort,
                          Optional<Path> writeKubeconfig, boolean version, boolean help, Optional<String> open,
                          OptionalInt metricsPort) {

    /** Whether only the emulated cluster runs (no window). */
    public boolean demoServer() {
        return demoServerPort >= 0;
    }

    /** The usage text of {@code --help}. */
    public static String usage() {
        return """
                Usage: pilothouse [options]
                       pilothouse audit verify [DIR]     check every audit record's hash chain (exit 0 intact, 1 broken)
                       pilothouse audit export [DIR] [--since DATE]   print audit records as JSON Lines

                Pilothouse, an operations console for ML platforms on Kubernetes.
                With no kubeconfig (no --kubeconfig, no KUBECONFIG, no ~/.kube/config) it starts on the demo environment.

                Options:
                  --demo                      start on the embedded demo environment
                  --kubeconfig FILE           kubeconfig file(s) to use, separated by ':' (';' on Windows)
                  --context NAME              context to select at start
                  --read-only                 refuse every change to clusters and alerting
                  --view ID                   open this view at start (see --list-views)
                  --open KIND/NS/NAME[#TAB]   open an object's details at start, e.g. pod/ml-serving/llama-0#Logs
                  --theme ID                  theme to use: light, dark, nord-light, nord-dark, dracula
                  --screenshot FILE           write a PNG of the window once the view has synced, then exit
                  --size WxH                  window size for --screenshot, e.g. 1440x900
                  --metrics-port PORT         serve Pilothouse's own metrics for Prometheus on 127.0.0.1:PORT/metrics
                                              (0 picks a free port and prints it)
                  --list-views                print the id of every view, one per line
                  --demo-server PORT          run only the demo's emulated clusters (prod on PORT, staging on PORT+1)
                  --write-kubeconfig FILE     with --demo-server: write a kubeconfig for the emulated clusters
                  --version                   print the version
                  --help                      print this help
                """;
    }
}
