package dev.pilothouse.desktop;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.kube.ClientTuning;
import dev.pilothouse.core.kube.ClusterContext;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.core.kube.Kubeconfig;
import dev.pilothouse.core.kube.KubeconfigException;
import dev.pilothouse.core.kube.KubeconfigLoader;
import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.settings.AppDirs;
import dev.pilothouse.desktop.metrics.EndpointSettings;
import dev.pilothouse.core.settings.SettingsStore;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import dev.pilothouse.desktop.cli.CommandLine;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.metrics.MetricsService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The composition root: builds every long-lived service from the command line, once, off the FX thread. The demo
 * environment is only ever reached through a kubeconfig, exactly like a real cluster.
 */
public final class AppServices implements AutoCloseable {

    private final CommandLine commandLine;
    private final SettingsStore settings;
    private final DemoEnvironment demo;
    private final Path demoKubeconfig;
    private final Kubeconfig kubeconfig;
    private final KubeClusterService clusters;
    private final PluginHost plugins;
    private final List<String> problems;
    private final String initialContext;
    private final MonitoringServices monitoring;
    private final SelfMetrics selfMetrics;
    private final dev.pilothouse.core.action.ActionAudit actionAudit;
    private final java.io.Closeable auditLog;

    private AppServices(CommandLine commandLine, SettingsStore settings, DemoEnvironment demo, Path demoKubeconfig,
                        Kubeconfig kubeconfig, KubeClusterService clusters, PluginHost plugins, List<String> problems,
                        String initialContext, MonitoringServices monitoring, SelfMetrics selfMetrics,
                        dev.pilothouse.core.action.ActionAudit actionAudit, java.io.Closeable auditLog) {
        this.commandLine = commandLine;
        this.settings = settings;
        this.demo = demo;
        this.demoKubeconfig = demoKubeconfig;
        this.kubeconfig = kubeconfig;
        this.clusters = clusters;
        this.plugins = plugins;
        this.problems = problems;
        this.initialContext = initialContext;
        this.monitoring = monitoring;
        this.selfMetrics = selfMetrics;
        this.actionAudit = actionAudit;
        this.auditLog = auditLog;
    }

    /**
     * Starts everything the window needs.
     *
     * @param builtIns the shell's own plugins, loaded before discovered ones
     */
    public static AppServices start(CommandLine cl, AppDirs dirs, List<? extends Plugin> builtIns) {
        return start(cl, dirs, builtIns, new SelfMetrics());
    }

    /**
     * Starts everything the window needs, reporting the console's own metrics to a registry made beforehand (so that
     * {@code --metrics-port} can fail before the demo starts).
     */
    public static AppServices start(CommandLine cl, AppDirs dirs, List<? extends Plugin> builtIns,
                                    SelfMetrics selfMetrics) {
        List<String> problems = new ArrayList<>();
        SettingsStore settings = SettingsStore.open(dirs.config());
        if (!settings.loadProblem().isEmpty()) {
            problems.add(settings.loadProblem());
        }
        List<Path> files = KubeconfigLoader.locate(cl.kubeconfig().orElse(null), System.getenv("KUBECONFIG"),
                Path.of(System.getProperty("user.home")));
        boolean useDemo = cl.demo() || files.isEmpty();
        DemoEnvironment demo = null;
        Path demoKubeconfig = null;
        if (useDemo) {
            demo = DemoEnvironment.start(DemoOptions.defaults());
            demoKubeconfig = writePrivateKubeconfig(demo);
            files = List.of(demoKubeconfig);
        }
        Kubeconfig kubeconfig;
        try {
            kubeconfig = new KubeconfigLoader(ClientTuning.interactive()).load(files);
        } catch (KubeconfigException e) {
            problems.add(e.getMessage());
            kubeconfig = new Kubeconfig(files, List.of(), "", List.of());
        }
        problems.addAll(kubeconfig.problems());
        String initial = chooseContext(cl, kubeconfig, settings, problems);
        Set<String> disabled = new HashSet<>(List.of(settings.app().get("plugins.disabled", "").split(",")));
        disabled.remove("");
        PluginHost[] hostRef = new PluginHost[1];
        KubeClusterService clusters = new KubeClusterService(kubeconfig.contexts(), Clock.systemUTC(),
                (kind, error) -> {
                    PluginHost host = hostRef[0];
                    if (host != null) {
                        host.registry().pluginOf(kind).ifPresent(id ->
                                host.markFailed(id, "projecting a " + kind.displayName(), error));
                    }
                }, selfMetrics);
        selfMetrics.trackConnections(clusters::clusters);
        selfMetrics.trackWatches(clusters::activeWatchCount);
        selfMetrics.trackQueue("watch_tasks", clusters::queuedWatchTasks);
        PluginHost host = PluginHost.discover(AppServices.class.getClassLoader(), disabled, builtIns);
        hostRef[0] = host;
        MonitoringServices monitoring = MonitoringServices.start(clusters, kubeconfig, demo, problems, selfMetrics,
                new EndpointSettings(settings.app(), System::getenv));
        Path auditDir = dirs.data().resolve("audit");
        dev.pilothouse.core.action.ActionAudit audit;
        java.io.Closeable auditLog = () -> { };
        try {
            dev.pilothouse.core.audit.AuditLog log = dev.pilothouse.core.audit.AuditLog.open(auditDir);
            audit = dev.pilothouse.core.action.ActionAudit.of(log);
            auditLog = log;
        } catch (IOException | RuntimeException e) {
            // No record, no change: the engine refuses every action and the banner says why.
            String reason = "the audit log at " + auditDir + " cannot be opened: " + e.getMessage();
            audit = dev.pilothouse.core.action.ActionAudit.failed(reason);
            problems.add("Actions are off: " + reason + ".");
        }
        return new AppServices(cl, settings, demo, demoKubeconfig, kubeconfig, clusters, host, problems, initial,
                monitoring, selfMetrics, audit, auditLog);
    }

    private static String chooseContext(CommandLine cl, Kubeconfig kubeconfig, SettingsStore settings,
                                        List<String> problems) {
        List<ClusterContext> contexts = kubeconfig.contexts();
        if (contexts.isEmpty()) {
            return "";
        }
        if (cl.context().isPresent()) {
            String wanted = cl.context().get();
            if (kubeconfig.context(wanted).isPresent()) {
                return wanted;
            }
            problems.add("context '" + wanted + "' (from --context) is not defined in " + kubeconfig.files()
                    + "; using " + fallbackContext(kubeconfig, settings));
        }
        return fallbackContext(kubeconfig, settings);
    }

    private static String fallbackContext(Kubeconfig kubeconfig, SettingsStore settings) {
        String remembered = settings.app().get("context", "");
        if (!remembered.isEmpty() && kubeconfig.context(remembered).isPresent()) {
            return remembered;
        }
        if (!kubeconfig.currentContext().isEmpty()) {
            return kubeconfig.currentContext();
        }
        return kubeconfig.contexts().getFirst().name();
    }

    private static Path writePrivateKubeconfig(DemoEnvironment demo) {
        try {
            Path dir = Files.createTempDirectory("pilothouse-demo-");
            Path file = demo.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("could not write the demo kubeconfig: " + e.getMessage(), e);
        }
    }

    public CommandLine commandLine() {
        return commandLine;
    }

    public SettingsStore settings() {
        return settings;
    }

    public boolean isDemo() {
        return demo != null;
    }

    /** The demo environment when running on it (tests stop and restart its clusters). */
    public java.util.Optional<DemoEnvironment> demo() {
        return java.util.Optional.ofNullable(demo);
    }

    /** Every context's Prometheus and Alertmanager endpoints (Settings > Metrics configures them). */
    public MetricsEndpoints metricsEndpoints() {
        return monitoring.endpoints();
    }

    public Kubeconfig kubeconfig() {
        return kubeconfig;
    }

    public KubeClusterService clusters() {
        return clusters;
    }

    public MetricsService metrics() {
        return monitoring.endpoints().metricsService();
    }

    public dev.pilothouse.sdk.alerts.AlertService alerts() {
        return monitoring.endpoints().alertService();
    }

    public dev.pilothouse.core.action.ServiceCalls serviceCalls() {
        return monitoring.serviceCalls();
    }

    /** The demo's monitoring labs (tests kill and restart their Prometheus). */
    public List<dev.pilothouse.demo.lab.Lab> labs() {
        return monitoring.labs();
    }

    /** The console's own metrics (the diagnostics view, {@code --metrics-port}). */
    public SelfMetrics selfMetrics() {
        return selfMetrics;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public String initialContext() {
        return initialContext;
    }

    /** Where the action runner records every action (or why it cannot, then it refuses them). */
    public dev.pilothouse.core.action.ActionAudit actionAudit() {
        return actionAudit;
    }

    @Override
    public void close() {
        try {
            auditLog.close();
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(AppServices.class.getName()).warning("closing the audit log: "
                    + e.getMessage());
        }
        plugins.stop();
        monitoring.close();
        clusters.close();
        settings.close();
        if (demo != null) {
            demo.close();
        }
        if (demoKubeconfig != null) {
            try {
                Files.deleteIfExists(demoKubeconfig);
            } catch (IOException ignored) {
                // deleteOnExit is the fallback
            }
        }
    }
}
