package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

    public static List<AlertGroup> group(List<Alert> alerts) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        for (Alert a : alerts) {
            String key = a.cluster() + "\u0000" + a.name() + "\u0000" + a.namespace() + "\u0000" + a.severity();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        List<AlertGroup> groups = new ArrayList<>(byKey.size());
        byKey.forEach((key, members) -> {
            members.sort(OLDEST_FIRST);
            Alert first = members.getFirst();
            Instant since = first.activeAt();
            groups.add(new AlertGroup(key, first.cluster(), first.name(), first.namespace(), first.severity(),
                    members, since));
        });
        groups.sort(TRIAGE_ORDER);
        return groups;
    }
}
