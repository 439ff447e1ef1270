package dev.pilothouse.demo.lab;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A server binary run as a child process on a free loopback port: its own directory (config, data, log) under a work
 * directory, readiness by polling {@code /-/ready}, and the faults tests need (stop, kill, restart on the same port).
 * The subclasses say which flags and config files the binary gets.
 */
abstract class ServerProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  /** A restarted server may find its port still held for a moment by the process that just died. */
  private static final Duration SAME_PORT_RETRY = Duration.ofSeconds(10);
  private static final int FRESH_PORT_ATTEMPTS = 5;
  private static final int LOG_TAIL_LINES = 25;
  /** Children left running when the JVM exits (a test that crashed) are killed rather than leaked. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
        "lab-server-reaper"));
  }

  private final String displayName;
  private final Path binary;
  private final Path dir;
  private final Path log;
  private final @Nullable WebTls tls;
  private final HttpClient probe;
  private int port;
  private @Nullable Process process;
  private boolean closed;

  ServerProcess(String displayName, Path binary, Path workDir, String dirPrefix, @Nullable WebTls tls) {
    this.displayName = displayName;
    this.binary = binary;
    this.tls = tls;
    try {
      Files.createDirectories(workDir);
      this.dir = Files.createTempDirectory(workDir, dirPrefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + displayName + " under " + workDir, e);
    }
    this.log = dir.resolve(dirPrefix.replace("-", "") + ".log");
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
        .version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      builder.sslContext(tls.probeContext());
    }
    this.probe = builder.build();
  }

  /** Looks for an executable named like one of {@code names} on the PATH, in that order of preference. */
  static Optional<Path> findOnPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String entry : path.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        Path candidate = Path.of(entry).resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The command-line flags for a server on {@code port}; the subclass writes its config files into {@code dir}. */
  abstract List<String> arguments(Path dir, int port) throws IOException;

  /** Starts on a free port, trying another one when a different process takes the chosen port first. */
  final void startOnFreePort() {
    for (int attempt = 1; ; attempt++) {
      int candidate = freePort();
      try {
        launch(candidate);
        return;
      } catch (PortTakenException e) {
        if (attempt == FRESH_PORT_ATTEMPTS) {
          throw new IllegalStateException(displayName + " could not bind a free port in " + attempt
              + " attempts; last log:\n" + e.getMessage());
        }
      }
    }
  }

  /** The base URL, {@code http://127.0.0.1:PORT} (https with a web TLS config). */
  public synchronized URI url() {
    return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
  }

  public synchronized int port() {
    return port;
  }

  /** The directory holding this server's config, data and log. */
  public Path directory() {
    return dir;
  }

  /** The file that receives the process' standard output and error. */
  public Path logFile() {
    return log;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops gracefully (SIGTERM, then SIGKILL after a grace period) and waits for the exit. Idempotent. */
  public synchronized void stop() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(p);
    }
  }

  /** Kills the process without warning (SIGKILL), the way a crash or an OOM kill ends it, and waits for the exit. */
  public synchronized void kill() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    try {
      p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(p);
    }
  }

  /** Starts again on the same port with the same data (stopping first if running) and waits until ready. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException(displayName + " on port " + port + " is closed");
    }
    stop();
    long deadline = System.nanoTime() + SAME_PORT_RETRY.toNanos();
    while (true) {
      try {
        launch(port);
        return;
      } catch (PortTakenException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(displayName + " cannot get port " + port + " back; log tail:\n"
              + e.getMessage());
        }
        pause(Duration.ofMillis(100));
      }
    }
  }

  /** Stops the server; the directory is left for post-mortems (it lives under the caller's work directory). */
  @Override
  public synchronized void close() {
    closed = true;
    stop();
  }

  private synchronized void launch(int onPort) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    try {
      command.addAll(arguments(dir, onPort));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config of " + displayName + " in " + dir, e);
    }
    long logStart = logSize();
    Process started;
    try {
      started = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    RUNNING.add(started);
    port = onPort;
    process = started;
    try {
      awaitReady(started, logStart);
    } catch (RuntimeException e) {
      process = null;
      started.destroyForcibly();
      RUNNING.remove(started);
      throw e;
    }
  }

  /** Polls {@code /-/ready} until it answers 200, the process exits, or the timeout passes. */
  private void awaitReady(Process started, long logStart) {
    URI ready = url().resolve("/-/ready");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    long pauseMillis = 10;
    String lastProblem = "no answer yet";
    while (true) {
      if (!started.isAlive()) {
        String tail = logTail(logStart);
        if (tail.contains("address already in use")) {
          throw new PortTakenException(tail);
        }
        throw new IllegalStateException(displayName + " (" + binary + ") exited with code " + exitCode(started)
            + " before it was ready; log tail (" + log + "):\n" + tail);
      }
      try {
        HttpResponse<String> answer = probe.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return;
        }
        lastProblem = "HTTP " + answer.statusCode() + " " + answer.body().strip();
      } catch (ConnectException e) {
        lastProblem = "connection refused";
      } catch (IOException e) {
        lastProblem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + displayName, e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(displayName + " was not ready on " + ready + " within "
            + READY_TIMEOUT.toSeconds() + " s (" + lastProblem + "); log tail (" + log + "):\n" + logTail(logStart));
      }
      // Polling interval with backoff, not synchronisation: the loop ends as soon as the server answers.
      pause(Duration.ofMillis(pauseMillis));
      pauseMillis = Math.min(200, pauseMillis * 2);
    }
  }

  private static String exitCode(Process p) {
    try {
      return String.valueOf(p.exitValue());
    } catch (IllegalThreadStateException e) {
      return "unknown";
    }
  }

  private long logSize() {
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The last lines the process wrote since {@code from}. */
  String logTail(long from) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(from, file.length() - 16 * 1024);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }

  /** Quotes a string for YAML (double-quoted style, which is JSON's). */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Writes the web config ({@code --web.config.file}) for {@code tls} and returns the flag, or nothing. */
  static List<String> webConfigFlag(@Nullable WebTls tls, Path dir) throws IOException {
    if (tls == null) {
      return List.of();
    }
    Path file = Files.writeString(dir.resolve("web.yml"), tls.webConfigYaml());
    return List.of("--web.config.file=" + file);
  }

  /** The chosen port was taken by another process between choosing and binding. */
  private static final class PortTakenException extends RuntimeException {
    PortTakenException(String logTail) {
      super(logTail, null, false, false);
    }
  }
}
