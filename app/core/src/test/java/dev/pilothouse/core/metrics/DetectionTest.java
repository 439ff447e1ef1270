package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.ServiceRef;
import dev.pilothouse.demo.EmulatedCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.pilothouse.testkit.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Finding a cluster's Prometheus and Alertmanager among its services, against the emulated cluster. The emulator
 * cannot proxy to a service, so queries through a detected endpoint fail there, honestly, with the API server's 404.
 */
class DetectionTest {

    private EmulatedCluster cluster;
    private KubernetesClient user;
    private MetricsEndpoints endpoints;

    @BeforeEach
    void start() {
        cluster = EmulatedCluster.start("det", 0);
        for (String ns : List.of("monitoring", "ml")) {
            cluster.adminClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .endMetadata().build()).create();
        }
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.url().toString())
                .withOauthToken(cluster.userToken()).withRequestRetryBackoffLimit(0).build();
        user = new KubernetesClientBuilder().withConfig(config).build();
        endpoints = new MetricsEndpoints(access(), Clock.systemUTC());
    }

    private ClusterAccess access() {
        return new ClusterAccess() {
            @Override
            public String apiServer(String name) {
                return cluster.url().toString();
            }

            @Override
            public KubernetesClient client(String name) {
                return user;
            }
        };
    }

    @AfterEach
    void stop() {
        endpoints.close();
        user.close();
        cluster.close();
    }

    private static ServicePort port(String name, int number) {
        return new ServicePortBuilder().withName(name).withPort(number).build();
    }

    private void service(String namespace, String name, Map<String, String> labels, ServicePort... ports) {
        Service service = new ServiceBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(labels).endMetadata().withNewSpec().withPorts(Arrays.asList(ports)).endSpec().build();
        cluster.adminClient().services().inNamespace(namespace).resource(service).create();
    }

    private Detection detect() throws Exception {
        return endpoints.detect("det").get(20, TimeUnit.SECONDS);
    }

    @Test
    void thePrometheusOperatorsServicesComeFirstWithTheirWebPort() throws Exception {
        service("monitoring", "prometheus-k8s", Map.of("app.kubernetes.io/name", "prometheus"),
                port("reloader-web", 8080), port("web", 9090));
        service("monitoring", "prometheus-operated", Map.of("operated-prometheus", "true"),
                port("web", 9090), port("grpc", 10901));
        service("monitoring", "alertmanager-main", Map.of("app.kubernetes.io/name", "alertmanager"),
                port("web", 9093), port("reloader-web", 8080));
        service("monitoring", "alertmanager-operated", Map.of("operated-alertmanager", "true"),
                port("web", 9093), port("tcp-mesh", 9094));
        service("ml", "vllm", Map.of("app.kubernetes.io/name", "vllm"), port("http", 8000));

        Detection found = detect();

        assertThat(found.prometheus()).containsExactly(
                new ServiceRef("monitoring", "prometheus-operated", "http", "web"),
                new ServiceRef("monitoring", "prometheus-k8s", "http", "web"));
        assertThat(found.alertmanager()).containsExactly(
                new ServiceRef("monitoring", "alertmanager-operated", "http", "web"),
                new ServiceRef("monitoring", "alertmanager-main", "http", "web"));
        assertThat(found.problem()).isEmpty();
        assertThat(endpoints.status("det", EndpointKind.ALERTMANAGER)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(EndpointStatus.State.IDLE);
            assertThat(s.url()).endsWith("/services/http:alertmanager-operated:web/proxy");
        });
    }

    @Test
    void wellKnownNamesAndPortsOfTheCommunityCharts() throws Exception {
        service("ml", "kube-prometheus-stack-prometheus", Map.of(), port("http-web", 9090), port("reloader-web", 8080));
        service("ml", "prometheus-alertmanager", Map.of(), port("http", 9093));
        service("ml", "unrelated", Map.of(), port("http", 9090));

        Detection found = detect();

        assertThat(found.best(EndpointKind.PROMETHEUS))
                .contains(new ServiceRef("ml", "kube-prometheus-stack-prometheus", "http", "http-web"));
        assertThat(found.best(EndpointKind.ALERTMANAGER))
                .contains(new ServiceRef("ml", "prometheus-alertmanager", "http", "http"));
    }

    @Test
    void anUnnamedPortIsChosenByItsNumberAndHttpsByItsName() throws Exception {
        service("monitoring", "prometheus", Map.of(), new ServicePortBuilder().withPort(9090).build(),
                new ServicePortBuilder().withPort(80).build());
        service("monitoring", "alertmanager", Map.of(), port("https", 443));

        Detection found = detect();

        assertThat(found.best(EndpointKind.PROMETHEUS)).contains(new ServiceRef("monitoring", "prometheus", "http", "9090"));
        assertThat(found.best(EndpointKind.ALERTMANAGER))
                .contains(new ServiceRef("monitoring", "alertmanager", "https", "https"));
    }

    @Test
    void aDetectedEndpointIsReachedThroughTheServiceProxyAndItsFailureIsHonest() {
        service("monitoring", "prometheus-k8s", Map.of("app.kubernetes.io/name", "prometheus"), port("web", 9090));

        assertThat(endpoints.metricsService().available("det")).isFalse(); // detection starts in the background
        await(Duration.ofSeconds(20), "detection finds Prometheus", () -> endpoints.metricsService().available("det"));
        EndpointStatus status = endpoints.status("det", EndpointKind.PROMETHEUS);
        assertThat(status.state()).isEqualTo(EndpointStatus.State.IDLE);
        assertThat(status.origin()).isEqualTo(EndpointOrigin.DETECTED);
        String url = cluster.url() + "/api/v1/namespaces/monitoring/services/http:prometheus-k8s:web/proxy";
        assertThat(status.url()).isEqualTo(url);

        assertThatThrownBy(() -> endpoints.metricsService().query("det", "up").get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(EndpointException.class)
                .hasMessageStartingWith(url + ": HTTP 404");
        assertThat(endpoints.status("det", EndpointKind.PROMETHEUS).state()).isEqualTo(EndpointStatus.State.FAILING);
    }

    @Test
    void nothingFoundIsNotConfiguredUntilDetectedAgain() throws Exception {
        detect();
        assertThat(endpoints.status("det", EndpointKind.PROMETHEUS).state())
                .isEqualTo(EndpointStatus.State.NOT_CONFIGURED);

        assertThatThrownBy(() -> endpoints.metricsService().query("det", "up").get(20, TimeUnit.SECONDS))
                .cause().isInstanceOf(EndpointException.class)
                .satisfies(e -> assertThat(((EndpointException) e).kind()).isEqualTo(EndpointException.Kind.NOT_CONFIGURED))
                .hasMessage("no Prometheus is configured for det: no Prometheus service found");

        service("monitoring", "prometheus-operated", Map.of("operated-prometheus", "true"), port("web", 9090));
        assertThat(endpoints.metricsService().available("det")).isFalse(); // the earlier result is kept

        detect();
        await(Duration.ofSeconds(20), "the re-detected Prometheus is available",
                () -> endpoints.metricsService().available("det"));
        assertThat(endpoints.status("det", EndpointKind.PROMETHEUS).url()).contains("prometheus-operated:web");
    }

    @Test
    void whoMayNotListServicesEverywhereIsLookedForInTheUsualNamespaces() throws Exception {
        service("monitoring", "prometheus-k8s", Map.of("app.kubernetes.io/name", "prometheus"), port("web", 9090));
        cluster.setAccessPolicy((who, verb, group, resource, sub, namespace, name) ->
                !(resource.equals("services") && namespace == null));

        Detection found = detect();

        assertThat(found.best(EndpointKind.PROMETHEUS))
                .contains(new ServiceRef("monitoring", "prometheus-k8s", "http", "web"));
        assertThat(found.problem()).startsWith("services may not be listed cluster-wide");
    }

    @Test
    void aDetectionThatFailsIsReportedThenRetriedByALaterUse() throws Exception {
        MutableClock clock = new MutableClock();
        endpoints.close();
        endpoints = new MetricsEndpoints(access(), clock);
        cluster.stop();

        assertThatThrownBy(() -> endpoints.metricsService().query("det", "up").get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(EndpointException.class)
                .hasMessageStartingWith("no Prometheus is configured for det: detection failed: ");
        assertThat(endpoints.status("det", EndpointKind.PROMETHEUS).state())
                .isEqualTo(EndpointStatus.State.NOT_CONFIGURED);

        cluster.restart();
        service("monitoring", "prometheus-k8s", Map.of("app.kubernetes.io/name", "prometheus"), port("web", 9090));
        assertThatThrownBy(() -> endpoints.metricsService().query("det", "up").get(30, TimeUnit.SECONDS))
                .cause().hasMessageContaining("detection failed"); // within the pause: the failure is reported again

        clock.advance(MetricsEndpoints.DETECTION_RETRY_PAUSE.plusSeconds(1));
        assertThatThrownBy(() -> endpoints.metricsService().query("det", "up").get(30, TimeUnit.SECONDS))
                .cause().hasMessageContaining("/services/http:prometheus-k8s:web/proxy: HTTP 404");
        assertThat(endpoints.status("det", EndpointKind.PROMETHEUS).origin()).isEqualTo(EndpointOrigin.DETECTED);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
