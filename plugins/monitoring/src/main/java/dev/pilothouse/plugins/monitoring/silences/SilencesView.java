package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.plugins.monitoring.PolledTableView;
import dev.pilothouse.sdk.alerts.Silence;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The {@code silences} view: active and pending silences of every cluster (expired ones on request); expire one. */
public final class SilencesView extends PolledTableView<SilenceRow> {

    private static final Comparator<SilenceRow> ORDER = Comparator.comparing((SilenceRow r) -> r.silence().state())
            .thenComparing(r -> r.silence().endsAt());

    public SilencesView(ViewContext context) {
        this(context, new CheckBox("Show expired"));
    }

    private SilencesView(ViewContext context, CheckBox showExpired) {
        super(context, "silences", "Silences", "silences", columns(),
                (ctx, cluster) -> load(ctx, cluster, showExpired.isSelected()));
        showExpired.setId("silences-show-expired");
        showExpired.selectedProperty().addListener((o, a, b) -> refresh());
        Button expire = new Button("Expire…");
        expire.setId("silences-expire");
        expire.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(context.readOnly()));
        expire.setOnAction(e -> expireSelected());
        addToHeader(showExpired);
        addToHeader(expire);
    }

    private static CompletableFuture<List<SilenceRow>> load(ViewContext context, String cluster, boolean expired) {
        return context.alerts().silences(cluster).thenApply(list -> list.stream()
                .filter(s -> expired || s.state() != Silence.State.EXPIRED)
                .map(SilenceRow::of).sorted(ORDER).toList());
    }

    private void expireSelected() {
        SilenceRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        context().ui().runAction(new ExpireSilenceAction(), SilenceKind.target(row.silence().cluster(), row.name()),
                Map.of()).whenComplete((done, error) -> Platform.runLater(() -> {
                    context().ui().notify(error == null ? "Expired silence " + row.name() : dev.pilothouse.plugins.monitoring.Errors.message(error));
                    refresh();
                }));
    }

    private static List<Column<SilenceRow>> columns() {
        return List.of(
                Column.<SilenceRow>builder("state", "State", r -> r.silence().state())
                        .text(r -> r.silence().state().name().toLowerCase())
                        .tone(r -> r.silence().state() == Silence.State.ACTIVE ? CellTone.ACCENT : CellTone.MUTED)
                        .width(75).build(),
                Column.<SilenceRow>builder("matchers", "Matchers", r -> MatcherText.format(r.silence().matchers()))
                        .width(420).build(),
                Column.<SilenceRow>builder("ends", "Ends", r -> r.silence().endsAt())
                        .text(r -> r.silence().state() == Silence.State.EXPIRED ? "ended"
                                : "in " + Formats.age(Instant.now(), r.silence().endsAt()))
                        .align(Column.Align.RIGHT).width(80).build(),
                Column.<SilenceRow>builder("cluster", "Cluster", r -> r.silence().cluster()).width(100).build(),
                Column.<SilenceRow>builder("author", "Created by", r -> r.silence().createdBy()).width(120).build(),
                Column.<SilenceRow>builder("comment", "Comment", r -> r.silence().comment()).width(320).build(),
                Column.<SilenceRow>builder("id", "Id", SilenceRow::name).tone(r -> CellTone.MUTED).width(280).build());
    }
}
