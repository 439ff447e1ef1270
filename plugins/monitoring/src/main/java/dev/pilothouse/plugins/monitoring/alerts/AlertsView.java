package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.plugins.monitoring.alerts.AlertsFeed.ClusterAlerts;
import dev.pilothouse.sdk.alerts.Severity;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import dev.pilothouse.sdk.ui.kit.ResourceTable;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code alerts} view: firing and pending alerts of every cluster, grouped by alertname, namespace and severity,
 * most severe and oldest first, filterable; the selected group's instances, labels, annotations, rule, related
 * objects and runbook on the right, with a way to silence them.
 */
public final class AlertsView implements View {

    static final Duration REFRESH = Duration.ofSeconds(15);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ViewContext context;
    private final ObservableList<AlertGroup> groups = FXCollections.observableArrayList();
    private final FilteredList<AlertGroup> filtered = new FilteredList<>(groups);
    private final TableView<AlertGroup> table;
    private final AlertDetail detail;
    private final TextField search = new TextField();
    private final CheckBox showSuppressed = new CheckBox("Show silenced");
    private final Label count = new Label();
    private final Label updated = new Label();
    private final Label banner = new Label();
    private final StatePane state;
    private final VBox root;
    private final AlertsFeed feed;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    /** True until the user selects a group: then the selection follows the top of the table. */
    private boolean followTop = true;
    private boolean selectingAutomatically;

    public AlertsView(ViewContext context) {
        this.context = context;
        this.table = ResourceTable.create(filtered, columns());
        table.setId("alerts-table");
        table.setPlaceholder(new Label("No alerts are firing or pending (or none match the filter)."));
        this.detail = new AlertDetail(context);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            detail.show(b);
            if (!selectingAutomatically && b != null) {
                followTop = false;
            }
        });

        Label heading = new Label("Alerts");
        heading.getStyleClass().add(Styles.TITLE_2);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        updated.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        search.setId("alerts-filter");
        search.setPromptText("Filter: name, label value, summary");
        search.setText(context.settings().get("alerts.filter", ""));
        search.textProperty().addListener((o, a, b) -> {
            context.settings().put("alerts.filter", b);
            applyFilter();
        });
        showSuppressed.setSelected(context.settings().getBoolean("alerts.showSuppressed", true));
        showSuppressed.selectedProperty().addListener((o, a, b) -> {
            context.settings().put("alerts.showSuppressed", String.valueOf(b));
            applyFilter();
        });
        Button refresh = new Button("Refresh");
        refresh.setId("alerts-refresh");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, heading, count, spacer, updated, showSuppressed, search, refresh);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        banner.setId("alerts-banner");
        banner.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines rather than elide the reason
        showBanner("");

        SplitPane split = new SplitPane(table, detail.node());
        split.setDividerPositions(0.58);
        state = new StatePane(split);
        VBox.setVgrow(state, Priority.ALWAYS);
        root = new VBox(header, banner, state);
        root.setPadding(new Insets(0));
        state.showLoading("Loading alerts…");

        feed = new AlertsFeed(context.alerts(), () -> context.clusters().clusters().stream().map(ClusterInfo::name).toList(),
                this::apply, REFRESH, Clock.systemUTC());
        refresh.setOnAction(e -> feed.refresh());
        applyFilter();
    }

    private static List<Column<AlertGroup>> columns() {
        return List.of(
                Column.<AlertGroup>builder("severity", "Severity", AlertGroup::severity)
                        .text(g -> g.severity() == Severity.NONE ? "none" : g.severity().name().toLowerCase(Locale.ROOT))
                        .tone(g -> switch (g.severity()) {
                            case CRITICAL, ERROR -> CellTone.DANGER;
                            case WARNING -> CellTone.WARNING;
                            default -> CellTone.MUTED;
                        }).width(95).build(),
                Column.<AlertGroup>builder("name", "Alert", AlertGroup::name).width(230).build(),
                Column.<AlertGroup>builder("state", "State", AlertGroup::firing).text(AlertGroup::stateText)
                        .tone(g -> g.firing() > 0 ? CellTone.DEFAULT : CellTone.ACCENT).width(130).build(),
                Column.<AlertGroup>builder("silenced", "Silenced", AlertGroup::suppressed)
                        .text(g -> g.suppressed() == 0 ? "" : g.allSuppressed() ? "yes" : g.suppressed() + " of " + g.alerts().size())
                        .tone(g -> CellTone.MUTED).width(90).build(),
                Column.<AlertGroup>builder("cluster", "Cluster", AlertGroup::cluster).width(110).build(),
                Column.<AlertGroup>builder("namespace", "Namespace", AlertGroup::namespace).width(110).build(),
                Column.<AlertGroup>builder("since", "Active for", AlertGroup::since)
                        .text(g -> g.since() == null ? "" : Formats.age(g.since(), Instant.now()))
                        .comparator(java.util.Comparator.comparing(AlertGroup::since,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                        .align(Column.Align.RIGHT).width(100).build(),
                Column.<AlertGroup>builder("summary", "Summary", AlertGroup::summary).width(420).build());
    }

    private void apply(List<ClusterAlerts> clusters) {
        List<AlertGroup> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Instant latest = null;
        for (ClusterAlerts c : clusters) {
            all.addAll(c.groups());
            c.partial().forEach(problem -> problems.add(c.cluster() + ": " + problem + "."));
            if (c.stale()) {
                problems.add(c.lastSuccess() == null
                        ? "Alerts of " + c.cluster() + " could not be read: " + c.error()
                        : "Alerts of " + c.cluster() + " are stale: showing them as of " + CLOCK.format(c.lastSuccess())
                          + "; " + c.error() + ". Retrying every " + REFRESH.toSeconds() + " s.");
            }
            if (c.lastSuccess() != null && (latest == null || c.lastSuccess().isAfter(latest))) {
                latest = c.lastSuccess();
            }
        }
        // The table restores its selection across the update; that is not the user choosing.
        selectingAutomatically = true;
        try {
            if (clusters.size() > 1) {
                all.sort(AlertGrouping.TRIAGE_ORDER); // each cluster's groups arrive sorted; merge them
            }
            groups.setAll(all);
            if (followTop && !table.getItems().isEmpty()) {
                // Until the user picks a group, show the worst one: on call, that is the one to read first.
                table.getSelectionModel().selectFirst();
            }
        } finally {
            selectingAutomatically = false;
        }
        showBanner(String.join("\n", problems));
        updated.setText(latest == null ? "" : "updated " + CLOCK.format(latest));
        boolean anyData = clusters.stream().anyMatch(c -> c.lastSuccess() != null);
        if (clusters.isEmpty()) {
            state.showEmpty("No alerting configured",
                    "No cluster has a Prometheus or an Alertmanager configured or detected. Add one in Settings > "
                    + "Metrics, or run a Prometheus Operator stack in the cluster.");
        } else if (!anyData) {
            state.showError("Could not read alerts", String.join("\n", problems), feed::refresh);
        } else {
            state.showContent();
        }
        updateCount();
        ready.set(true);
    }

    private void applyFilter() {
        String text = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        boolean suppressed = showSuppressed.isSelected();
        filtered.setPredicate(g -> (suppressed || !g.allSuppressed()) && (text.isEmpty() || matches(g, text)));
        updateCount();
    }

    private static boolean matches(AlertGroup g, String text) {
        if (g.name().toLowerCase(Locale.ROOT).contains(text) || g.summary().toLowerCase(Locale.ROOT).contains(text)) {
            return true;
        }
        return g.alerts().stream().anyMatch(a -> a.labels().values().stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(text)));
    }

    private void updateCount() {
        long firing = filtered.stream().mapToLong(AlertGroup::firing).sum();
        long pending = filtered.stream().mapToLong(AlertGroup::pending).sum();
        count.setText(firing + " firing · " + pending + " pending · " + filtered.size() + " groups");
    }

    private void showBanner(String text) {
        banner.setText(text);
        banner.setVisible(!text.isEmpty());
        banner.setManaged(!text.isEmpty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        feed.start();
    }

    @Override
    public void deactivate() {
        feed.stop();
    }

    @Override
    public void dispose() {
        feed.stop();
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }
}
