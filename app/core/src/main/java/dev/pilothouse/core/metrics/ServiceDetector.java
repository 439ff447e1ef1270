package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.endpoint.ServiceRef;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a cluster's Prometheus and Alertmanager among its services, the way the common installations label and name
 * them: the Prometheus Operator ({@code operated-prometheus=true} on {@code prometheus-operated}), the
 * {@code app.kubernetes.io/name} label (kube-prometheus, the community charts), then well-known service names.
 */
final class ServiceDetector {

    /** Where monitoring usually lives, for users who may not list services cluster-wide. */
    static final List<String> COMMON_NAMESPACES = List.of("monitoring", "prometheus", "observability",
            "kube-prometheus-stack", "prometheus-system", "openshift-monitoring", "default", "kube-system");

    private static final Profile PROMETHEUS = new Profile("operated-prometheus", "prometheus",
            List.of("prometheus-k8s", "prometheus-server", "kube-prometheus-stack-prometheus", "prometheus-operated",
                    "prometheus"), 9090);
    private static final Profile ALERTMANAGER = new Profile("operated-alertmanager", "alertmanager",
            List.of("alertmanager-main", "alertmanager-operated", "kube-prometheus-stack-alertmanager",
                    "prometheus-alertmanager", "alertmanager"), 9093);
    private static final List<String> WEB_PORT_NAMES = List.of("web", "http-web", "http", "https", "https-web");

    /** How one kind of server is recognised. */
    private record Profile(String operatorLabel, String appName, List<String> names, int defaultPort) {
    }

    private ServiceDetector() {
    }

    /** Lists the services (cluster-wide, else in the common namespaces) and ranks the candidates. */
    static Detection detect(KubernetesClient client, Clock clock) {
        List<Service> services = new ArrayList<>();
        String problem = "";
        try {
            services.addAll(client.services().inAnyNamespace().list().getItems());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            problem = "services may not be listed cluster-wide; looked in " + String.join(", ", COMMON_NAMESPACES);
            for (String namespace : COMMON_NAMESPACES) {
                try {
                    services.addAll(client.services().inNamespace(namespace).list().getItems());
                } catch (KubernetesClientException nsFailure) {
                    if (nsFailure.getCode() != 403 && nsFailure.getCode() != 404) {
                        throw nsFailure;
                    }
                }
            }
        }
        return new Detection(rank(services, PROMETHEUS), rank(services, ALERTMANAGER), clock.instant(), problem);
    }

    /** The Prometheus candidates among services, best first. */
    static List<ServiceRef> prometheus(List<Service> services) {
        return rank(services, PROMETHEUS);
    }

    /** The Alertmanager candidates among services, best first. */
    static List<ServiceRef> alertmanager(List<Service> services) {
        return rank(services, ALERTMANAGER);
    }

    private record Candidate(int rank, Service service) {
    }

    private static List<ServiceRef> rank(List<Service> services, Profile profile) {
        List<Candidate> candidates = new ArrayList<>();
        for (Service service : services) {
            int rank = rank(service, profile);
            if (rank < Integer.MAX_VALUE) {
                candidates.add(new Candidate(rank, service));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparing(c -> !c.service().getMetadata().getNamespace().equals("monitoring"))
                .thenComparing(c -> c.service().getMetadata().getNamespace())
                .thenComparing(c -> c.service().getMetadata().getName()));
        List<ServiceRef> refs = new ArrayList<>();
        for (Candidate c : candidates) {
            port(c.service(), profile).ifPresent(refs::add);
        }
        return refs;
    }

    /** 0 for the operator's label, 1 for the app name label, 2+ for a well-known name; MAX_VALUE for none. */
    private static int rank(Service service, Profile profile) {
        Map<String, String> labels = service.getMetadata().getLabels() == null ? Map.of()
                : service.getMetadata().getLabels();
        if ("true".equals(labels.get(profile.operatorLabel()))) {
            return 0;
        }
        if (profile.appName().equals(labels.get("app.kubernetes.io/name"))) {
            return 1;
        }
        int byName = profile.names().indexOf(service.getMetadata().getName());
        return byName < 0 ? Integer.MAX_VALUE : 2 + byName;
    }

    /** The web port: by its conventional name, else the default port number, else the only port. */
    private static Optional<ServiceRef> port(Service service, Profile profile) {
        List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
                : service.getSpec().getPorts();
        ServicePort chosen = null;
        for (String name : WEB_PORT_NAMES) {
            chosen = ports.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = ports.stream().filter(p -> p.getPort() != null && p.getPort() == profile.defaultPort())
                    .findFirst().orElse(ports.size() == 1 ? ports.getFirst() : null);
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String name = chosen.getName();
        boolean https = (name != null && name.startsWith("https")) || "https".equals(chosen.getAppProtocol());
        String port = name != null && !name.isEmpty() ? name : String.valueOf(chosen.getPort());
        return Optional.of(new ServiceRef(service.getMetadata().getNamespace(), service.getMetadata().getName(),
                https ? "https" : "http", port));
    }
}
