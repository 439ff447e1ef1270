package dev.pilothouse.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kubeconfig credential plugin ({@code users[].user.exec}) the way client-go does: the command with its args
 * and env plus {@code KUBERNETES_EXEC_INFO}, stdin closed (never interactive), stdout parsed as an ExecCredential.
 * We run it ourselves rather than through Fabric8 because Fabric8 swallows a failing plugin and carries on
 * unauthenticated; here a failure becomes a {@link CredentialException} carrying the plugin's own message, and the
 * token is cached until its expiry so the plugin runs once per token, not per request.
 */
final class ExecCredentialPlugin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Refresh a little before expiry so no request goes out with a token about to expire. */
    private static final Duration EARLY = Duration.ofSeconds(30);

    /**
     * What a plugin returned.
     *
     * @param token      bearer token, or null
     * @param clientCert PEM client certificate, or null
     * @param clientKey  PEM client key, or null
     * @param expires    when the credential expires, or null when it does not say
     */
    record Credential(String token, String clientCert, String clientKey, Instant expires) {
    }

    private final String context;
    private final ExecConfig exec;
    private final Path workingDir;
    private final Clock clock;
    private Credential cached;

    ExecCredentialPlugin(String context, ExecConfig exec, Path workingDir, Clock clock) {
        this.context = context;
        this.exec = exec;
        this.workingDir = workingDir;
        this.clock = clock;
    }

    /** The current credential, running the plugin when none is cached or the cached one is about to expire. */
    synchronized Credential credential() {
        if (cached == null || cached.expires() != null && clock.instant().plus(EARLY).isAfter(cached.expires())) {
            cached = run();
        }
        return cached;
    }

    /** Forgets the cached credential (after a 401, or when the user asks to log in again). */
    synchronized void invalidate() {
        cached = null;
    }

    private Credential run() {
        List<String> command = new ArrayList<>();
        command.add(exec.getCommand());
        if (exec.getArgs() != null) {
            command.addAll(exec.getArgs());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        Map<String, String> env = pb.environment();
        if (exec.getEnv() != null) {
            for (ExecEnvVar v : exec.getEnv()) {
                env.put(v.getName(), v.getValue());
            }
        }
        String apiVersion = exec.getApiVersion() == null ? "client.authentication.k8s.io/v1" : exec.getApiVersion();
        env.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion
                + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw fail("could not run credential plugin '" + exec.getCommand() + "': " + e.getMessage()
                    + (exec.getInstallHint() == null ? "" : " (" + exec.getInstallHint().strip() + ")"), e);
        }
        CompletableFuture<byte[]> stdout = read(process.getInputStream());
        CompletableFuture<byte[]> stderr = read(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw fail("credential plugin '" + exec.getCommand() + "' did not answer within " + TIMEOUT.toSeconds()
                        + " s", null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw fail("interrupted while waiting for credential plugin '" + exec.getCommand() + "'", e);
        }
        String err = lastLines(new String(stderr.join(), StandardCharsets.UTF_8), 3);
        if (process.exitValue() != 0) {
            throw fail("credential plugin '" + exec.getCommand() + "' failed (exit " + process.exitValue() + ")"
                    + (err.isEmpty() ? "" : ": " + err), null);
        }
        return parse(stdout.join());
    }

    private Credential parse(byte[] stdout) {
        JsonNode status;
        try {
            status = JSON.readTree(stdout).path("status");
        } catch (IOException e) {
            throw fail("credential plugin '" + exec.getCommand() + "' printed no ExecCredential JSON", e);
        }
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw fail("credential plugin '" + exec.getCommand() + "' returned neither a token nor a client certificate",
                    null);
        }
        Instant expires = null;
        String when = text(status, "expirationTimestamp");
        if (when != null) {
            try {
                expires = Instant.parse(when);
            } catch (DateTimeParseException e) {
                throw fail("credential plugin '" + exec.getCommand() + "' returned an invalid expirationTimestamp '"
                        + when + "'", e);
            }
        }
        return new Credential(token, cert, key, expires);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private CredentialException fail(String message, Throwable cause) {
        return new CredentialException("context '" + context + "': " + message, cause);
    }

    private static CompletableFuture<byte[]> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                // Bounded: a plugin that prints megabytes is broken, and we must not hold it all.
                return in.readNBytes(1 << 20);
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\\R");
        int from = Math.max(0, lines.length - n);
        return String.join(" ", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip();
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")
                ? "NUL" : "/dev/null");
    }
}
