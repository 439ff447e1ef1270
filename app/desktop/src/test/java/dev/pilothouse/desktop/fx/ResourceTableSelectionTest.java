package dev.pilothouse.desktop.fx;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The user selects an object, not an index: a bulk update that replaces every row keeps it selected. */
class ResourceTableSelectionTest {

    record R(String uid, String namespace, String name, int version) implements Row {
    }

    @BeforeAll
    static void startFx() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    private static List<R> rows(int version) {
        List<R> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new R("uid-" + i, "ns", "pod-" + i, version));
        }
        return rows;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void selectionFollowsTheObjectAcrossAReplaceAllAndIsDroppedWhenTheObjectGoes() throws Exception {
        ObservableList<R> source = FXCollections.observableArrayList(rows(1));
        TableView<R> table = onFx(() -> ResourceTable.create(source, List.of(
                Column.<R>builder("name", "Name", R::name).build())));

        R selected = onFx(() -> {
            table.getSelectionModel().select(123);
            source.setAll(rows(2));
            return table.getSelectionModel().getSelectedItem();
        });
        assertThat(selected).isNotNull();
        assertThat(selected.uid()).isEqualTo("uid-123");
        assertThat(selected.version()).as("the new row object is selected").isEqualTo(2);

        R afterRemoval = onFx(() -> {
            List<R> without = new ArrayList<>(rows(3));
            without.removeIf(r -> r.uid().equals("uid-123"));
            source.setAll(without);
            source.setAll(rows(4)); // the uid must not come back selected once it was gone
            return table.getSelectionModel().getSelectedItem();
        });
        assertThat(afterRemoval).isNull();
    }
}
