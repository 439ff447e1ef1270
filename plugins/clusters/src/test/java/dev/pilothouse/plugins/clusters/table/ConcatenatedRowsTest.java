package dev.pilothouse.plugins.clusters.table;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merged table of several kinds follows each part change by change, never by rebuilding everything. */
class ConcatenatedRowsTest {

    record R(String uid, String namespace, String name) implements Row {
    }

    private static ResourceKind<R> kind(String plural) {
        return ResourceKind.builder(new GroupVersionKind("apps", "v1", plural, plural),
                (KubeObject o) -> new R(o.uid(), o.namespace(), o.name())).build();
    }

    private final ResourceKind<R> deployments = kind("deployments");
    private final ResourceKind<R> jobs = kind("jobs");
    private final BatchList<R> target = new BatchList<>();
    private final List<String> events = new ArrayList<>();
    private final ConcatenatedRows<R> rows = new ConcatenatedRows<>(target, () -> { });
    private final ObservableList<R> first = FXCollections.observableArrayList(new R("d1", "ns", "a"), new R("d2", "ns", "b"));
    private final ObservableList<R> second = FXCollections.observableArrayList(new R("j1", "ns", "x"), new R("j2", "ns", "y"));

    ConcatenatedRowsTest() {
        rows.add(first, deployments);
        rows.add(second, jobs);
        target.addListener((ListChangeListener<R>) c -> {
            while (c.next()) {
                events.add(c.wasReplaced() ? "set " + c.getFrom() : c.wasAdded() ? "add " + c.getFrom() : "remove " + c.getFrom());
            }
        });
    }

    private List<String> uids() {
        return target.stream().map(R::uid).toList();
    }

    @Test
    void anUpdateInTheSecondPartIsOneSetAtItsOffset() {
        second.set(1, new R("j2", "ns", "y2"));

        assertThat(uids()).containsExactly("d1", "d2", "j1", "j2");
        assertThat(target.get(3).name()).isEqualTo("y2");
        assertThat(events).containsExactly("set 3");
    }

    @Test
    void addsAndRemovesLandInTheirPart() {
        first.add(new R("d3", "ns", "c"));
        second.remove(0);
        first.remove(0);

        assertThat(uids()).containsExactly("d2", "d3", "j2");
        assertThat(rows.kindOf(target.get(1), jobs)).isSameAs(deployments);
        assertThat(rows.kindOf(target.get(2), deployments)).isSameAs(jobs);
        assertThat(rows.kindOf(new R("j1", "ns", "x"), deployments)).as("a removed row is forgotten").isSameAs(deployments);
    }

    @Test
    void aBulkReplaceOfOnePartKeepsTheOtherPart() {
        List<R> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new R("j" + i, "ns", "job-" + i));
        }
        second.setAll(many);

        assertThat(target).hasSize(102);
        assertThat(uids().subList(0, 3)).containsExactly("d1", "d2", "j0");
        assertThat(events).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aBatchOfEditsInOnePartIsOneChangeOfTheTargetAtThePartsOffset() {
        BatchList<R> part = new BatchList<>(List.of(new R("k1", "ns", "a"), new R("k2", "ns", "b"), new R("k3", "ns", "c")));
        rows.add(part, jobs);
        List<Integer> changes = new ArrayList<>();
        target.addListener((ListChangeListener<R>) c -> changes.add(1));

        part.batch(() -> {
            part.set(0, new R("k1", "ns", "a2"));
            part.remove(1);
            part.add(new R("k4", "ns", "d"));
        });

        assertThat(uids()).containsExactly("d1", "d2", "j1", "j2", "k1", "k3", "k4");
        assertThat(target.get(4).name()).isEqualTo("a2");
        assertThat(changes).as("one change for the whole batch").hasSize(1);
    }

    @Test
    void clearForgetsThePartsAndStopsFollowingThem() {
        rows.clear();
        first.add(new R("d9", "ns", "z"));

        assertThat(target).isEmpty();
    }
}
