package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventGroupTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static EventRow event(String uid, boolean warning, String reason, String kind, String ns, String name, int count,
                          int minute) {
        return new EventRow(uid, ns, name + "." + uid, warning, reason, reason + " message", kind, name, count,
                T0.plusSeconds(60L * minute));
    }

    @Test
    void oneGroupPerInvolvedObjectWithWarningsFirstThenTheMostRecentlyActive() {
        List<EventGroup> groups = EventGroup.of(List.of(
                event("1", false, "Scheduled", "Pod", "ml", "quiet", 1, 9),
                event("2", false, "Pulled", "Pod", "ml", "trainer", 1, 1),
                event("3", true, "BackOff", "Pod", "ml", "trainer", 12, 5),
                event("4", true, "NodeNotReady", "Node", "", "gpu-1", 1, 2),
                event("5", false, "Started", "Pod", "other", "trainer", 1, 3)));

        assertThat(groups).extracting(EventGroup::key)
                .containsExactly("Pod/ml/trainer", "Node//gpu-1", "Pod/ml/quiet", "Pod/other/trainer");
    }

    @Test
    void aGroupSummarisesItsEventsWarningsFirstAndNewestFirst() {
        EventGroup trainer = EventGroup.of(List.of(
                event("1", false, "Pulled", "Pod", "ml", "trainer", 1, 1),
                event("2", true, "BackOff", "Pod", "ml", "trainer", 12, 5),
                event("3", false, "Killing", "Pod", "ml", "trainer", 2, 7),
                event("4", true, "Failed", "Pod", "ml", "trainer", 3, 4))).getFirst();

        assertThat(trainer.warning()).as("worst type").isTrue();
        assertThat(trainer.occurrences()).isEqualTo(18);
        assertThat(trainer.latest().reason()).as("latest reason, whatever its type").isEqualTo("Killing");
        assertThat(trainer.events()).extracting(EventRow::reason).containsExactly("BackOff", "Failed", "Killing", "Pulled");
    }
}
