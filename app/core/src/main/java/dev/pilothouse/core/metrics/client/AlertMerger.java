package dev.pilothouse.core.metrics.client;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges one cluster's alerts from Prometheus and from Alertmanager into the SDK's {@link Alert}s, one per alert.
 *
 * <p>The same label set is the same alert: Prometheus gives its state, value and activeAt; Alertmanager its
 * fingerprint, silences, inhibitions and generator URL. Prometheus adds its external labels (kube-prometheus sets
 * {@code prometheus="monitoring/k8s"}) to what it sends, so when no exact match exists an Alertmanager alert whose
 * labels contain all of the Prometheus alert's also matches, if it is the unique closest one. Alerts only
 * Alertmanager knows (other Prometheus servers, external senders) count as firing; alerts only Prometheus knows
 * (pending ones, or when Alertmanager is down) get the fingerprint Alertmanager would compute.
 */
public final class AlertMerger {

    private AlertMerger() {
    }

    /** The merged alerts, firing first, then by name and fingerprint. */
    public static List<Alert> merge(String cluster, List<PrometheusAlert> prometheus, List<AlertmanagerAlert> alertmanager) {
        Map<Map<String, String>, AlertmanagerAlert> exact = new HashMap<>();
        alertmanager.forEach(a -> exact.putIfAbsent(a.labels(), a));
        List<AlertmanagerAlert> unmatched = new ArrayList<>(alertmanager);
        Map<PrometheusAlert, AlertmanagerAlert> pairs = new HashMap<>();
        List<PrometheusAlert> loose = new ArrayList<>();
        for (PrometheusAlert p : prometheus) {
            AlertmanagerAlert match = exact.get(p.labels());
            if (match != null && unmatched.remove(match)) {
                pairs.put(p, match);
            } else {
                loose.add(p);
            }
        }
        // Most specific first, so that {alertname=X, pod=a} takes its superset before {alertname=X} can.
        loose.sort(Comparator.comparingInt((PrometheusAlert p) -> p.labels().size()).reversed());
        for (PrometheusAlert p : loose) {
            AlertmanagerAlert closest = closestSuperset(p, unmatched);
            if (closest != null) {
                unmatched.remove(closest);
                pairs.put(p, closest);
            }
        }
        List<Alert> merged = new ArrayList<>();
        for (PrometheusAlert p : prometheus) {
            AlertmanagerAlert a = pairs.get(p);
            merged.add(a == null
                    ? new Alert(cluster, p.labels(), p.annotations(), p.state(), p.activeAt(), p.value(),
                            LabelFingerprint.of(p.labels()), "", List.of(), List.of())
                    : new Alert(cluster, p.labels(), annotations(p, a), p.state(), p.activeAt(), p.value(),
                            a.fingerprint(), a.generatorUrl(), a.silencedBy(), a.inhibitedBy()));
        }
        for (AlertmanagerAlert a : unmatched) {
            merged.add(new Alert(cluster, a.labels(), a.annotations(), AlertState.FIRING, a.startsAt(), "",
                    a.fingerprint().isEmpty() ? LabelFingerprint.of(a.labels()) : a.fingerprint(), a.generatorUrl(),
                    a.silencedBy(), a.inhibitedBy()));
        }
        merged.sort(Comparator.comparing((Alert x) -> x.state() != AlertState.FIRING)
                .thenComparing(Alert::name).thenComparing(Alert::fingerprint));
        return merged;
    }

    /** The Alertmanager alert with the fewest extra labels among those containing all of {@code p}'s; null if tied. */
    private static AlertmanagerAlert closestSuperset(PrometheusAlert p, List<AlertmanagerAlert> candidates) {
        AlertmanagerAlert best = null;
        int bestExtra = Integer.MAX_VALUE;
        boolean tie = false;
        for (AlertmanagerAlert a : candidates) {
            if (!contains(a.labels(), p.labels())) {
                continue;
            }
            int extra = a.labels().size() - p.labels().size();
            if (extra < bestExtra) {
                best = a;
                bestExtra = extra;
                tie = false;
            } else if (extra == bestExtra) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static boolean contains(Map<String, String> superset, Map<String, String> subset) {
        for (var e : subset.entrySet()) {
            if (!Objects.equals(superset.get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Prometheus' annotations are current (templated at the last evaluation); Alertmanager fills in any gaps. */
    private static Map<String, String> annotations(PrometheusAlert p, AlertmanagerAlert a) {
        Map<String, String> out = new HashMap<>(a.annotations());
        out.putAll(p.annotations());
        return out;
    }
}
