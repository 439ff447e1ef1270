package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads kubeconfig files the way kubectl does ({@code --kubeconfig}, else every file of {@code KUBECONFIG}, else
 * {@code ~/.kube/config}) and resolves each context to a Fabric8 configuration. Every problem names its file or
 * context; a broken file among several is reported and skipped, not fatal.
 */
public final class KubeconfigLoader {

    private final ClientTuning tuning;

    public KubeconfigLoader(ClientTuning tuning) {
        this.tuning = tuning;
    }

    /** The files to read: the explicit one(s), else KUBECONFIG's, else the default file. Missing defaults yield none. */
    public static List<Path> locate(String explicit, String kubeconfigEnv, Path home) {
        String spec = explicit != null && !explicit.isBlank() ? explicit : kubeconfigEnv;
        if (spec != null && !spec.isBlank()) {
            List<Path> files = new ArrayList<>();
            for (String part : spec.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.strip()));
                }
            }
            return files;
        }
        Path fallback = home.resolve(".kube").resolve("config");
        return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
    }

    /**
     * Loads and merges the files.
     *
     * @throws KubeconfigException when no file could be used at all
     */
    public Kubeconfig load(List<Path> files) throws KubeconfigException {
        List<String> problems = new ArrayList<>();
        Map<String, Origin<Context>> contexts = new LinkedHashMap<>();
        Map<String, Origin<Cluster>> clusters = new LinkedHashMap<>();
        Map<String, Origin<AuthInfo>> users = new LinkedHashMap<>();
        String current = "";
        int usable = 0;
        for (Path file : files) {
            io.fabric8.kubernetes.api.model.Config parsed;
            try {
                parsed = parse(file);
            } catch (KubeconfigException e) {
                problems.add(e.getMessage());
                continue;
            }
            usable++;
            if (current.isEmpty() && parsed.getCurrentContext() != null) {
                current = parsed.getCurrentContext();
            }
            for (NamedContext c : nullSafe(parsed.getContexts())) {
                if (c.getName() != null && c.getContext() != null) {
                    contexts.putIfAbsent(c.getName(), new Origin<>(c.getContext(), file));
                }
            }
            for (NamedCluster c : nullSafe(parsed.getClusters())) {
                if (c.getName() != null && c.getCluster() != null) {
                    clusters.putIfAbsent(c.getName(), new Origin<>(c.getCluster(), file));
                }
            }
            for (NamedAuthInfo u : nullSafe(parsed.getUsers())) {
                if (u.getName() != null && u.getUser() != null) {
                    users.putIfAbsent(u.getName(), new Origin<>(u.getUser(), file));
                }
            }
        }
        if (usable == 0) {
            throw new KubeconfigException(problems.isEmpty() ? "no kubeconfig file given" : String.join("; ", problems));
        }
        List<ClusterContext> resolved = new ArrayList<>();
        // Contexts that share a user entry share its OIDC tokens: one refresh serves them all.
        Map<String, OidcAuthProvider> oidcByUser = new LinkedHashMap<>();
        for (Map.Entry<String, Origin<Context>> e : contexts.entrySet()) {
            try {
                resolved.add(resolve(e.getKey(), e.getValue(), clusters, users, oidcByUser));
            } catch (KubeconfigException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (!current.isEmpty() && !contexts.containsKey(current)) {
            problems.add("current-context '" + current + "' is not defined in " + files);
            current = "";
        }
        return new Kubeconfig(files, resolved, current, problems);
    }

    private static io.fabric8.kubernetes.api.model.Config parse(Path file) throws KubeconfigException {
        if (!Files.exists(file)) {
            throw new KubeconfigException(file + ": kubeconfig file does not exist");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new KubeconfigException(file + ": kubeconfig file is not a readable file");
        }
        try {
            io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfig(file.toFile());
            if (parsed == null) {
                throw new KubeconfigException(file + ": kubeconfig file is empty");
            }
            return parsed;
        } catch (KubeconfigException e) {
            throw e;
        } catch (Exception e) {
            throw new KubeconfigException(file + ": not a valid kubeconfig (" + parseProblem(e) + ")", e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * The parser's reason a file is not a kubeconfig, without the values it quotes: in a kubeconfig the offending
     * value may well be a token or a key.
     */
    static String parseProblem(Throwable t) {
        String redacted = QUOTED_VALUE.matcher(rootMessage(t)).replaceAll("$1…$1");
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        java.util.regex.Matcher where = LOCATION.matcher(String.valueOf(root.getMessage()));
        return where.find() ? redacted + " at line " + where.group(1) + ", column " + where.group(2) : redacted;
    }

    private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile("(['\"])[^'\"]{4,}\\1");
    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile(
            "line: (\\d+), column: (\\d+)");

    private ClusterContext resolve(String name, Origin<Context> context, Map<String, Origin<Cluster>> clusters,
                                   Map<String, Origin<AuthInfo>> users, Map<String, OidcAuthProvider> oidcByUser)
            throws KubeconfigException {
        Context ctx = context.value();
        Origin<Cluster> cluster = clusters.get(ctx.getCluster());
        if (cluster == null) {
            throw new KubeconfigException("context '" + name + "' in " + context.file() + " refers to cluster '"
                    + ctx.getCluster() + "', which no kubeconfig file defines");
        }
        Origin<AuthInfo> user = ctx.getUser() == null ? null : users.get(ctx.getUser());
        ExecCredentialPlugin plugin = null;
        OidcAuthProvider oidc = null;
        if (ctx.getUser() != null && user == null) {
            throw new KubeconfigException("context '" + name + "' in " + context.file() + " refers to user '"
                    + ctx.getUser() + "', which no kubeconfig file defines");
        }
        String server = cluster.value().getServer();
        if (server == null || server.isBlank()) {
            throw new KubeconfigException("cluster '" + ctx.getCluster() + "' in " + cluster.file() + " has no server URL");
        }
        // Merge the three entries into one in-memory kubeconfig so Fabric8 resolves exec plugins, tokens and
        // certificates for exactly this context, with relative paths resolved against each entry's own file.
        io.fabric8.kubernetes.api.model.Config single = new io.fabric8.kubernetes.api.model.Config();
        single.setApiVersion("v1");
        single.setKind("Config");
        single.setCurrentContext(name);
        single.setContexts(List.of(new NamedContext(ctx, name)));
        single.setClusters(List.of(new NamedCluster(absolutize(cluster.value(), cluster.file()), ctx.getCluster())));
        if (user != null) {
            AuthInfo auth = absolutize(user.value(), user.file());
            if (auth.getExec() != null && auth.getExec().getCommand() != null) {
                // We run the plugin ourselves (see ExecCredentialPlugin); Fabric8 must not run it again.
                Path dir = user.file().toAbsolutePath().getParent();
                plugin = new ExecCredentialPlugin(name, auth.getExec(), dir, java.time.Clock.systemUTC());
                auth.setExec(null);
            }
            if (auth.getAuthProvider() != null
                    && OidcSettings.PROVIDER_NAME.equalsIgnoreCase(auth.getAuthProvider().getName())) {
                // We renew OIDC tokens ourselves (see OidcAuthProvider): Fabric8's own refresh must never run.
                oidc = oidcByUser.computeIfAbsent(ctx.getUser(), u -> oidcProvider(u, user));
                auth.setAuthProvider(null);
            }
            single.setUsers(List.of(new NamedAuthInfo(ctx.getUser(), auth)));
        }
        String yaml = Serialization.asYaml(single);
        // No file path for Fabric8: given one, it re-reads that file to refresh credentials and would run the
        // credential plugin behind our back. Every relative path in the merged YAML is already absolute.
        String origin = null;
        ExecCredentialPlugin credentials = plugin;
        OidcAuthProvider oidcTokens = oidc;
        java.util.function.Supplier<Config> config = () -> {
            Config c = Config.fromKubeconfig(name, yaml, origin);
            tuning.apply(c);
            if (credentials != null) {
                applyPlugin(c, credentials);
            }
            if (oidcTokens != null) {
                applyOidc(c, oidcTokens, name);
            }
            return c;
        };
        Runnable authFailed = oidcTokens == null ? () -> { } : oidcTokens::authenticationFailed;
        return new ClusterContext(name, server, ctx.getNamespace() == null ? "" : ctx.getNamespace(),
                ctx.getUser() == null ? "" : ctx.getUser(), context.file(), config, authFailed);
    }

    private OidcAuthProvider oidcProvider(String userName, Origin<AuthInfo> user) {
        return new OidcAuthProvider(OidcSettings.from(user.value().getAuthProvider().getConfig(), user.file()),
                new OidcTokenFile(user.file(), userName),
                new OidcTokenRefresher(java.time.Duration.ofMillis(tuning.connectTimeoutMillis()),
                        java.time.Duration.ofMillis(tuning.requestTimeoutMillis())),
                java.time.Clock.systemUTC());
    }

    /** The id-token now (an expired one is renewed, and a failure surfaces at once), and a renewed one when it expires. */
    private static void applyOidc(Config config, OidcAuthProvider oidc, String context) {
        oidc.token(context);
        config.setOauthTokenProvider(() -> oidc.token(context));
    }

    /** Credentials from the plugin now (so a failure surfaces at once), and a fresh token whenever it expires. */
    private static void applyPlugin(Config config, ExecCredentialPlugin plugin) {
        // A new client (first use, or Retry after logging in again) always asks the plugin afresh.
        plugin.invalidate();
        ExecCredentialPlugin.Credential first = plugin.credential();
        if (first.clientCert() != null && first.clientKey() != null) {
            config.setClientCertData(java.util.Base64.getEncoder().encodeToString(first.clientCert().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            config.setClientKeyData(java.util.Base64.getEncoder().encodeToString(first.clientKey().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (first.token() != null) {
            config.setOauthTokenProvider(() -> plugin.credential().token());
        }
    }

    private static Cluster absolutize(Cluster c, Path file) {
        Cluster copy = Serialization.clone(c);
        copy.setCertificateAuthority(absolute(copy.getCertificateAuthority(), file));
        return copy;
    }

    private static AuthInfo absolutize(AuthInfo u, Path file) {
        AuthInfo copy = Serialization.clone(u);
        copy.setClientCertificate(absolute(copy.getClientCertificate(), file));
        copy.setClientKey(absolute(copy.getClientKey(), file));
        copy.setTokenFile(absolute(copy.getTokenFile(), file));
        if (copy.getExec() != null && copy.getExec().getCommand() != null) {
            withLoginShellPath(copy.getExec());
        }
        return copy;
    }

    /**
     * Lets a credential plugin be found and run as in the user's terminal: its command is resolved in the login
     * shell's PATH (then ours), and that PATH is passed to it unless the kubeconfig sets one.
     */
    private static void withLoginShellPath(io.fabric8.kubernetes.api.model.ExecConfig exec) {
        String own = System.getenv().getOrDefault("PATH", "");
        String path = LoginShellPath.get().map(p -> own.isEmpty() ? p : p + java.io.File.pathSeparator + own).orElse(own);
        LoginShellPath.which(exec.getCommand(), path).ifPresent(found -> exec.setCommand(found.toString()));
        List<io.fabric8.kubernetes.api.model.ExecEnvVar> env = new ArrayList<>(nullSafe(exec.getEnv()));
        if (env.stream().noneMatch(v -> "PATH".equals(v.getName()))) {
            env.add(new io.fabric8.kubernetes.api.model.ExecEnvVar("PATH", path));
        }
        exec.setEnv(env);
    }

    private static String absolute(String path, Path file) {
        if (path == null || path.isBlank() || Path.of(path).isAbsolute()) {
            return path;
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? path : dir.resolve(path).toString();
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private record Origin<T>(T value, Path file) {
    }
}
