package dev.pilothouse.core.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PATH of the user's login shell. A desktop app started from a launcher inherits a minimal PATH, so credential
 * plugins installed by the user (gke-gcloud-auth-plugin, aws, kubelogin) would not be found; terminals see the PATH
 * the shell's profile builds. Read once, with a timeout, and never on the FX thread.
 */
public final class LoginShellPath {

    private static volatile Optional<String> cached;

    private LoginShellPath() {
    }

    /** The login shell's PATH, or empty on Windows, without a SHELL, or when the shell does not answer in time. */
    public static Optional<String> get() {
        Optional<String> value = cached;
        if (value == null) {
            synchronized (LoginShellPath.class) {
                if (cached == null) {
                    cached = read(System.getenv("SHELL"), 3);
                }
                value = cached;
            }
        }
        return value;
    }

    static Optional<String> read(String shell, long timeoutSeconds) {
        if (shell == null || shell.isBlank() || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
            return Optional.empty();
        }
        try {
            // A marker keeps noise from profile scripts (banners, motd) out of the value.
            Process p = new ProcessBuilder(shell, "-ilc", "printf '__PH_PATH__%s__PH_END__' \"$PATH\"")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int start = out.indexOf("__PH_PATH__");
            int end = out.indexOf("__PH_END__");
            if (start < 0 || end < start) {
                return Optional.empty();
            }
            String path = out.substring(start + "__PH_PATH__".length(), end).strip();
            return path.isEmpty() ? Optional.empty() : Optional.of(path);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static java.io.File nullFile() {
        return Path.of(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL" : "/dev/null").toFile();
    }

    /** Finds a command in the given PATH; the command itself when it already names a file. */
    static Optional<Path> which(String command, String path) {
        if (command.contains("/") || command.contains("\\")) {
            return Optional.of(Path.of(command));
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
