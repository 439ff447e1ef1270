package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups alerts by cluster, alertname, namespace and severity; most severe first, then the oldest. Pure. */
public final class AlertGrouping {

    /** Most severe first, then longest active, then by name for a stable order. */
    public static final Comparator<AlertGroup> TRIAGE_ORDER = Comparator.comparing(AlertGroup::severity)
            .thenComparing(AlertGroup::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AlertGroup::name).thenComparing(AlertGroup::cluster).thenComparing(AlertGroup::namespace);

    private static final Comparator<Alert> OLDEST_FIRST = Comparator.comparing(Alert::activeAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private AlertGrouping() {
    }

    /** What makes alerts one group. */
    private record Key(String cluster, String name, String namespace, Severity severity) {
        String uid() {
            return cluster + "\u0000" + name + "\u0000" + namespace + "\u0000" + severity;
        }
    }

    public static List<AlertGroup> group(List<Alert> alerts) {
        Map<Key, List<Alert>> byKey = new HashMap<>();
        for (Alert a : alerts) {
            Key key = new Key(a.cluster(), a.name(), a.namespace(), a.severity());
            byKey.computeIfAbsent(key, k -> new ArrayList<>(4)).add(a);
        }
        List<AlertGroup> groups = new ArrayList<>(byKey.size());
        byKey.forEach((key, members) -> {
            members.sort(OLDEST_FIRST);
            groups.add(AlertGroup.of(key.uid(), key.cluster(), key.name(), key.namespace(), key.severity(), members,
                    members.getFirst().activeAt()));
        });
        groups.sort(TRIAGE_ORDER);
        return groups;
    }
}
