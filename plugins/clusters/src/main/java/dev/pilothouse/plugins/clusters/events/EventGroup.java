package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events about one involved object, summarised the way an on-call engineer scans them: the worst type, how often
 * it happened in all, the latest reason and when.
 *
 * @param kind        involvedObject.kind
 * @param namespace   the namespace
 * @param name        involvedObject.name
 * @param events      the object's events, warnings first, newest first
 * @param occurrences the events' counts added up
 * @param warning     whether any event is a warning
 * @param latest      the newest event
 */
public record EventGroup(String kind, String namespace, String name, List<EventRow> events, int occurrences,
                         boolean warning, EventRow latest) {

    /** Warnings first, then newest first. */
    static final Comparator<EventRow> EVENT_ORDER = Comparator.comparing((EventRow r) -> !r.warning())
            .thenComparing(EventRow::last, Comparator.nullsLast(Comparator.reverseOrder()));

    /** Groups with a warning first, then the most recently active, then by object. */
    static final Comparator<EventGroup> GROUP_ORDER = Comparator.comparing((EventGroup g) -> !g.warning())
            .thenComparing(EventGroup::last, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(EventGroup::key);

    /** kind/namespace/name: what identifies the involved object. */
    public String key() {
        return key(kind, namespace, name);
    }

    /** When the object last had an event. */
    public Instant last() {
        return latest.last();
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    /** The events grouped by involved object, in {@link #GROUP_ORDER}. One pass plus sorting. */
    public static List<EventGroup> of(List<? extends EventRow> rows) {
        Map<String, List<EventRow>> byObject = new LinkedHashMap<>();
        for (EventRow row : rows) {
            byObject.computeIfAbsent(key(row.objectKind(), row.namespace(), row.objectName()),
                    k -> new ArrayList<>()).add(row);
        }
        List<EventGroup> groups = new ArrayList<>(byObject.size());
        for (List<EventRow> events : byObject.values()) {
            events.sort(EVENT_ORDER);
            EventRow first = events.getFirst();
            EventRow latest = first;
            int occurrences = 0;
            for (EventRow e : events) {
                occurrences += e.count();
                if (latest.last() == null || e.last() != null && e.last().isAfter(latest.last())) {
                    latest = e;
                }
            }
            groups.add(new EventGroup(first.objectKind(), first.namespace(), first.objectName(), List.copyOf(events),
                    occurrences, first.warning(), latest));
        }
        groups.sort(GROUP_ORDER);
        return groups;
    }
}
