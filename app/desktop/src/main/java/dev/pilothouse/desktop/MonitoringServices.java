package dev.pilothouse.desktop;

import dev.pilothouse.core.action.ServiceCalls;
import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.core.kube.Kubeconfig;
import dev.pilothouse.core.metrics.ClusterAccess;
import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.EndpointOrigin;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.metrics.endpoint.Body;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.demo.lab.Lab;
import dev.pilothouse.demo.lab.simulated.SimulatedLab;
import dev.pilothouse.desktop.metrics.EndpointSettings;
import dev.pilothouse.desktop.diagnostics.AlertsFiringPoller;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Prometheus and Alertmanager of each context: detected through the API server, and in the demo the lab's real
 * servers preset for the prod context (when their binaries are installed). Also the HTTP calls that silence
 * actions make, and the poll that keeps {@code pilothouse_alerts_firing} current.
 */
final class MonitoringServices implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MonitoringServices.class.getName());

    private final MetricsEndpoints endpoints;
    private final List<Lab> labs = new ArrayList<>();
    private final List<SimulatedLab> simulatedLabs = new ArrayList<>();
    private AlertsFiringPoller firingAlerts;

    private MonitoringServices(MetricsEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    static MonitoringServices start(KubeClusterService clusters, Kubeconfig kubeconfig, DemoEnvironment demo,
                                    List<String> problems, SelfMetrics selfMetrics, EndpointSettings settings) {
        MetricsEndpoints endpoints = new MetricsEndpoints(new ClusterAccess() {
            @Override
            public String apiServer(String cluster) {
                return kubeconfig.context(cluster).map(c -> c.server()).orElse("");
            }

            @Override
            public KubernetesClient client(String cluster) {
                return clusters.connection(cluster).client();
            }
        }, Clock.systemUTC(), System::getenv, selfMetrics);
        MonitoringServices services = new MonitoringServices(endpoints);
        List<String> contextNames = kubeconfig.contexts().stream().map(c -> c.name()).toList();
        settings.applyAll(contextNames, endpoints, problems); // configured endpoints win over presets and detection
        if (demo != null) {
            services.startLab(demo.cluster("prod"), problems);
        }
        List<String> contexts = kubeconfig.contexts().stream().map(c -> c.name()).toList();
        services.firingAlerts = new AlertsFiringPoller(endpoints.alertService(), () -> contexts,
                context -> services.readableWithoutPrompt(clusters, context), selfMetrics);
        services.firingAlerts.start(Duration.ofSeconds(2), AlertsFiringPoller.PERIOD);
        return services;
    }

    /**
     * Whether a context's alerts can be read in the background without the user noticing: its endpoints are direct
     * addresses, or its cluster connection already holds credentials. Otherwise the first read could run a credential
     * plugin (a browser login) for a context the user never opened.
     */
    private boolean readableWithoutPrompt(KubeClusterService clusters, String context) {
        for (EndpointKind kind : EndpointKind.values()) {
            EndpointOrigin origin = endpoints.status(context, kind).origin();
            if (origin == EndpointOrigin.CONFIGURED || origin == EndpointOrigin.PRESET) {
                return true;
            }
        }
        return switch (clusters.connection(context).status().state()) {
            case LIVE, STALE, UNREACHABLE -> true;
            case IDLE, CONNECTING, AUTH_FAILED -> false;
        };
    }

    private void startLab(EmulatedCluster cluster, List<String> problems) {
        String context = "demo-" + cluster.name();
        if (!Lab.available() || simulationRequested()) {
            startSimulatedLab(cluster, context, problems);
            return;
        }
        try {
            Path work = Files.createTempDirectory("pilothouse-lab-");
            Optional<Lab> lab = Lab.start(cluster.adminClient(), work);
            lab.ifPresent(l -> {
                labs.add(l);
                endpoints.preset(context, EndpointKind.PROMETHEUS, EndpointConfig.of(l.prometheusUrl()));
                endpoints.preset(context, EndpointKind.ALERTMANAGER, EndpointConfig.of(l.alertmanagerUrl()));
                LOG.log(System.Logger.Level.INFO, "demo lab: " + l.exporter().describe() + ", Prometheus at "
                        + l.prometheusUrl());
            });
        } catch (IOException | RuntimeException e) {
            problems.add("The demo's monitoring lab did not start: " + e.getMessage());
        }
    }

    /**
     * Whether the simulated lab was asked for although the binaries are there: {@code PILOTHOUSE_DEMO_LAB=simulated}
     * (or the system property {@code pilothouse.demo.lab}), to try or test the fallback on a machine that has them.
     */
    private static boolean simulationRequested() {
        String choice = System.getProperty("pilothouse.demo.lab", System.getenv("PILOTHOUSE_DEMO_LAB"));
        return "simulated".equals(choice);
    }

    /**
     * Without the Prometheus binaries the demo still shows charts and alerts, from a simulated Prometheus fed
     * directly by the lab's workloads. It says so: every alert carries {@code simulated="true"}, and the problems
     * list tells the user how to get the real lab. There is no Alertmanager, so silences are not available.
     */
    private void startSimulatedLab(EmulatedCluster cluster, String context, List<String> problems) {
        try {
            SimulatedLab lab = SimulatedLab.start(cluster.adminClient());
            simulatedLabs.add(lab);
            endpoints.preset(context, EndpointKind.PROMETHEUS, EndpointConfig.of(lab.prometheusUrl()));
            problems.add("The demo's metrics and alerts are simulated" + (Lab.available() ? " (as asked)"
                    : ": Prometheus and Alertmanager are not installed (Debian: apt-get install prometheus "
                    + "prometheus-alertmanager)") + ". Silences need the real lab.");
            LOG.log(System.Logger.Level.INFO, "demo lab: " + lab.describe());
        } catch (RuntimeException e) {
            problems.add("The demo's simulated metrics did not start: " + e.getMessage());
        }
    }

    MetricsEndpoints endpoints() {
        return endpoints;
    }

    /** The labs running (tests kill and restart their Prometheus). */
    List<Lab> labs() {
        return List.copyOf(labs);
    }

    /** HTTP calls to a cluster's Alertmanager, for silence actions. */
    ServiceCalls serviceCalls() {
        return (cluster, service, method, path, body) -> {
            if (!service.toLowerCase(Locale.ROOT).equals("alertmanager")) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("unknown service " + service));
            }
            return endpoints.transport(cluster, EndpointKind.ALERTMANAGER)
                    .thenCompose(t -> t.send(method, path, body.isEmpty() ? null : new Body("application/json", body))
                            .thenCompose(result -> result.ok()
                                    ? CompletableFuture.completedFuture(new ServiceCalls.Answer(result.status(), result.text()))
                                    : CompletableFuture.failedFuture(new IllegalStateException("Alertmanager at "
                                        + t.endpoint() + " answered " + result.status() + ": "
                                        + abbreviate(result.text())))));
        };
    }

    private static String abbreviate(String text) {
        String s = text.strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    @Override
    public void close() {
        if (firingAlerts != null) {
            firingAlerts.close();
        }
        labs.forEach(Lab::close);
        simulatedLabs.forEach(SimulatedLab::close);
        endpoints.close();
    }
}
