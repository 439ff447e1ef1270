package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;

/** Events: type, reason, the object involved and when. */
public final class EventKind {

    public static final GroupVersionKind GVK = GroupVersionKind.core("v1", "Event", "events");

    private EventKind() {
    }

    public static ResourceKind<EventRow> kind() {
        return ResourceKind.builder(GVK, EventKind::project)
                .aliases("ev", "event")
                .health(r -> r.warning() ? Health.of(HealthState.DEGRADED, r.reason()) : Health.of(HealthState.OK, r.reason()))
                .column(Column.<EventRow>builder("type", "Type", r -> r.warning() ? "Warning" : "Normal")
                        .tone(r -> r.warning() ? CellTone.WARNING : CellTone.MUTED).width(80)
                        // Warnings first, then grouped by the object they concern, newest first within it.
                        .comparator(java.util.Comparator.comparing((EventRow r) -> !r.warning())
                                .thenComparing(r -> r.objectKind() + "/" + r.namespace() + "/" + r.objectName())
                                .thenComparing(EventRow::last, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                        .build())
                .column(Column.<EventRow>builder("namespace", "Namespace", EventRow::namespace).width(120).build())
                .column(Column.<EventRow>builder("reason", "Reason", EventRow::reason).width(140).build())
                .column(Column.<EventRow>builder("object", "Object", r -> r.objectKind() + "/" + r.objectName()).width(260).build())
                .column(Column.<EventRow>builder("message", "Message", EventRow::message).width(440).build())
                .column(Column.<EventRow>builder("count", "Count", EventRow::count).align(Column.Align.RIGHT).width(60).build())
                .column(Column.<EventRow>builder("last", "Last seen", EventRow::last)
                        .text(r -> dev.pilothouse.sdk.ui.kit.Formats.age(r.last(), java.time.Instant.now()) + " ago")
                        .comparator(java.util.Comparator.comparing(EventRow::last,
                                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                        .align(Column.Align.RIGHT).width(80).build())
                .build();
    }

    public static EventRow project(KubeObject e) {
        var last = e.instant("lastTimestamp").or(() -> e.instant("eventTime")).or(e::creationTimestamp).orElse(null);
        return new EventRow(e.uid(), e.namespace().intern(), e.name(), "Warning".equals(e.string("type")),
                e.string("reason").intern(), e.string("message"), e.string("involvedObject", "kind").intern(),
                e.string("involvedObject", "name"), (int) Math.max(1, e.number("count")), last);
    }
}
