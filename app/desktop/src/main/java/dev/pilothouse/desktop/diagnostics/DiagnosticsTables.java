package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.DiagnosticsSnapshot;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.ui.Styles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Locale;
import java.util.function.Function;

/** The diagnostics view's tables: watch events, contexts, and requests to Prometheus and Alertmanager. */
final class DiagnosticsTables {

    private DiagnosticsTables() {
    }

    static TableView<DiagnosticsSnapshot.EventRate> events(ObservableList<DiagnosticsSnapshot.EventRate> rows) {
        TableView<DiagnosticsSnapshot.EventRate> table = table("diagnostics-events", rows,
                "No watch events yet: they arrive while views watch a cluster.");
        table.getColumns().add(column("Context", DiagnosticsSnapshot.EventRate::context, 120));
        table.getColumns().add(column("Kind", DiagnosticsSnapshot.EventRate::kind, 160));
        table.getColumns().add(number("Events/s", r -> Figures.rate(r.perSecond()), 80));
        table.getColumns().add(number("Total", r -> Figures.count(r.total()), 80));
        return table;
    }

    static TableView<DiagnosticsViewModel.ContextRow> contexts(ObservableList<DiagnosticsViewModel.ContextRow> rows) {
        TableView<DiagnosticsViewModel.ContextRow> table = table("diagnostics-contexts", rows, "No contexts.");
        table.getColumns().add(column("Context", DiagnosticsViewModel.ContextRow::context, 130));
        TableColumn<DiagnosticsViewModel.ContextRow, String> state = column("Connection",
                r -> r.state() == null ? Figures.NONE : r.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), 110);
        state.setCellFactory(c -> toned(text -> switch (text) {
            case "live" -> CellTone.SUCCESS;
            case "stale", "connecting" -> CellTone.WARNING;
            case "auth failed", "unreachable" -> CellTone.DANGER;
            default -> CellTone.MUTED;
        }));
        table.getColumns().add(state);
        table.getColumns().add(number("Events/s", r -> Figures.rate(r.eventsPerSecond()), 80));
        table.getColumns().add(number("Reconnects", r -> Figures.count(r.reconnects()), 90));
        TableColumn<DiagnosticsViewModel.ContextRow, String> alerts = number("Alerts firing",
                r -> r.alertsFiring() == null ? Figures.NONE : Figures.count(r.alertsFiring()), 100);
        alerts.setCellFactory(c -> toned(text -> text.equals(Figures.NONE) ? CellTone.MUTED
                : text.equals("0") ? CellTone.DEFAULT : CellTone.DANGER));
        table.getColumns().add(alerts);
        return table;
    }

    static TableView<DiagnosticsSnapshot.Queries> queries(ObservableList<DiagnosticsSnapshot.Queries> rows) {
        TableView<DiagnosticsSnapshot.Queries> table = table("diagnostics-queries", rows,
                "No requests to Prometheus or Alertmanager yet.");
        table.getColumns().add(column("Backend", q -> q.backend().equals("prometheus") ? "Prometheus"
                : q.backend().equals("alertmanager") ? "Alertmanager" : q.backend(), 100));
        table.getColumns().add(column("Context", DiagnosticsSnapshot.Queries::context, 120));
        table.getColumns().add(number("Requests", q -> Figures.count(q.total()), 80));
        TableColumn<DiagnosticsSnapshot.Queries, String> failures = number("Failed", q -> Figures.count(q.failures()), 70);
        failures.setCellFactory(c -> toned(text -> text.equals("0") ? CellTone.DEFAULT : CellTone.DANGER));
        table.getColumns().add(failures);
        table.getColumns().add(number("p50", q -> Figures.p50(q.recent()), 70));
        table.getColumns().add(number("p99", q -> Figures.p99(q.recent()), 70));
        return table;
    }

    private static <T> TableView<T> table(String id, ObservableList<T> rows, String placeholder) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(placeholder);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.setPadding(new Insets(12));
        table.setPlaceholder(empty);
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false); // rows are replaced every refresh; a stable order reads better than a re-sort
        return c;
    }

    /** A right-aligned figure. */
    private static <T> TableColumn<T, String> number(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = column(title, value, width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static <T> TableCell<T, String> toned(Function<String, CellTone> tone) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.allTones());
                setText(empty ? null : item);
                if (!empty && item != null) {
                    getStyleClass().add(Styles.tone(tone.apply(item)));
                }
            }
        };
    }
}
