package dev.pilothouse.desktop.fx;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.table.BatchList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** A resource table sorts on a header click and keeps the user's object selected while rows change and move. */
@ExtendWith(ApplicationExtension.class)
class ResourceTableSortTest {

    record Pod(String uid, String namespace, String name, int restarts) implements Row {
    }

    private final BatchList<Pod> source = new BatchList<>();
    private TableView<Pod> table;

    @Start
    void start(Stage stage) {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pods.add(new Pod("uid-" + i, "ns", "pod-" + (char) ('a' + i % 26) + i, (i * 7) % 50));
        }
        source.setAll(pods);
        table = ResourceTable.create(source, List.of(
                Column.<Pod>builder("name", "Name", Pod::name).build(),
                Column.<Pod>builder("restarts", "Restarts", Pod::restarts).build()));
        table.setId("pods");
        stage.setScene(new Scene(table, 400, 600));
        stage.show();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> shownUids() {
        return fx(() -> table.getItems().stream().map(Pod::uid).toList());
    }

    private List<String> uidsSortedBy(Comparator<Pod> order) {
        return fx(() -> source.stream().sorted(order.thenComparing(Pod::name)).map(Pod::uid).toList());
    }

    private String selectedUid() {
        return fx(() -> {
            Pod selected = table.getSelectionModel().getSelectedItem();
            return selected == null ? null : selected.uid();
        });
    }

    /** Changes rows as a live list does: one batch, edits in ascending positions. */
    private void batch(Runnable edits) {
        fx(() -> {
            source.batch(edits);
            return null;
        });
    }

    private int sourceIndex(String uid) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).uid().equals(uid)) {
                return i;
            }
        }
        throw new AssertionError(uid + " is not in the source");
    }

    @Test
    void clickingAHeaderSortsByItsColumnAndClickingAgainReverses(FxRobot robot) {
        robot.clickOn("Restarts");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownUids()).isEqualTo(uidsSortedBy(Comparator.comparingInt(Pod::restarts)));
        assertThat(fx(() -> table.getSortOrder().stream().map(TableColumn::getId).toList()))
                .as("the sort was not refused and undone").containsExactly("restarts");

        robot.clickOn("Restarts");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownUids()).isEqualTo(uidsSortedBy(Comparator.comparingInt(Pod::restarts).reversed()));
    }

    @Test
    void rowsStaySortedThroughBatchesOfUpdatesAdditionsAndRemovals() {
        fx(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(1))));
        batch(() -> {
            source.set(3, new Pod("uid-3", "ns", source.get(3).name(), 99));
            source.remove(10, 13);
            source.add(20, new Pod("uid-new", "ns", "pod-new", 0));
            source.set(40, new Pod(source.get(40).uid(), "ns", source.get(40).name(), 1));
        });

        assertThat(shownUids()).isEqualTo(uidsSortedBy(Comparator.comparingInt(Pod::restarts)));
    }

    @Test
    void theSelectionFollowsItsRowWhenAnUpdateMovesIt() {
        fx(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(1))));
        fx(() -> {
            table.getSelectionModel().select(table.getItems().stream().filter(p -> p.uid().equals("uid-5"))
                    .findFirst().orElseThrow());
            return null;
        });

        int at = sourceIndex("uid-5");
        batch(() -> {
            source.set(at - 1, new Pod(source.get(at - 1).uid(), "ns", source.get(at - 1).name(), 0));
            source.set(at, new Pod("uid-5", "ns", source.get(at).name(), 1_000)); // to the end
            source.remove(at + 1);
        });

        assertThat(selectedUid()).isEqualTo("uid-5");
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().restarts())).as("the new version")
                .isEqualTo(1_000);
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(fx(() -> table.getItems().size() - 1));
    }

    @Test
    void aDeletedSelectedRowClearsTheSelectionRatherThanPassingItToANeighbour() {
        fx(() -> {
            table.getSelectionModel().select(7);
            return null;
        });
        String selected = selectedUid();

        batch(() -> source.remove(sourceIndex(selected)));

        assertThat(selectedUid()).isNull();
        batch(() -> source.add(0, new Pod(selected, "ns", "back", 3)));
        assertThat(selectedUid()).as("an object once gone is not reselected when its uid returns").isNull();
    }

    @Test
    void aSelectionTheUserClearedStaysClearedAcrossUpdates() {
        fx(() -> {
            table.getSelectionModel().select(4);
            table.getSelectionModel().clearSelection();
            return null;
        });

        batch(() -> source.set(4, new Pod(source.get(4).uid(), "ns", source.get(4).name(), 42)));

        assertThat(selectedUid()).isNull();
    }
}
