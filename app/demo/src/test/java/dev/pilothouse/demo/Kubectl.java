package dev.pilothouse.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl against a kubeconfig, with its discovery cache kept in the test's directory. */
final class Kubectl {

  static final Path BINARY = Path.of("/usr/bin/kubectl");

  record Result(int exitCode, String out, String err) {}

  private final Path kubeconfig;
  private final Path cacheDir;

  Kubectl(Path kubeconfig, Path cacheDir) {
    assumeTrue(Files.isExecutable(BINARY), "kubectl is not installed at " + BINARY);
    this.kubeconfig = kubeconfig;
    this.cacheDir = cacheDir;
  }

  Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", cacheDir.toString(), "--request-timeout", "20s"));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(cacheDir, "kubectl", ".out");
      Path err = Files.createTempFile(cacheDir, "kubectl", ".err");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs and expects success; returns stdout. */
  String ok(String... args) {
    Result result = run(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("kubectl " + String.join(" ", args) + " exited " + result.exitCode() + ": "
          + result.err());
    }
    return result.out();
  }
}
