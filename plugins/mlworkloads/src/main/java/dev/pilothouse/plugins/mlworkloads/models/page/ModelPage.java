package dev.pilothouse.plugins.mlworkloads.models.page;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.models.InferenceServices;
import dev.pilothouse.plugins.mlworkloads.models.ModelRow;
import dev.pilothouse.plugins.mlworkloads.models.ServingDeployments;
import dev.pilothouse.plugins.mlworkloads.models.serving.Measure;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingFigures;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingPoller;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQueries;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQuery;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.metrics.Panel;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.HealthBadge;
import dev.pilothouse.sdk.ui.kit.StatePane;
import dev.pilothouse.sdk.ui.kit.chart.PanelBoard;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One model: charts of its serving figures from whichever server family exports them (per revision for a KServe
 * canary, so the canary's share and errors show apart), then its pods, events and rollout history.
 */
public final class ModelPage extends VBox {

    static final GroupVersionKind PODS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.PODS;
    static final GroupVersionKind EVENTS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.EVENTS;
    static final GroupVersionKind REPLICA_SETS = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.REPLICA_SETS;

    /** How long to wait before asking Prometheus again when it has no series for the model yet. */
    static final javafx.util.Duration ASK_AGAIN = javafx.util.Duration.seconds(15);

    private final ViewContext context;
    private final Located<ModelRow> located;
    private final ServingPoller poller;
    private boolean closed;
    private final javafx.animation.PauseTransition askAgain = new javafx.animation.PauseTransition(ASK_AGAIN);
    private final PanelBoard board;
    private final HealthBadge badge = new HealthBadge();
    private final Label facts = new Label();
    private final Label failure = new Label();
    private final StackPane podsContent = new StackPane();
    private final StackPane eventsContent = new StackPane();
    private final StackPane historyContent = new StackPane();
    private final StatePane pods = new StatePane(podsContent);
    private final StatePane events = new StatePane(eventsContent);
    private final StatePane history = new StatePane(historyContent);

    public ModelPage(ViewContext context, Located<ModelRow> located, ServingPoller poller, ServingFigures known,
                     Runnable back) {
        this.context = context;
        this.located = located;
        ModelRow row = located.row();
        setId("model-page");
        setSpacing(8);
        setPadding(new Insets(16));
        setFocusTraversable(true);

        Button backButton = new Button("← Models");
        backButton.setId("model-back");
        backButton.setTooltip(new Tooltip("Back to the list (Esc)"));
        backButton.setOnAction(e -> back.run());
        Label title = new Label(row.name());
        title.setId("model-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        facts.setText(facts(row));
        facts.setId("model-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        badge.setHealth(located.health());
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        facts.setMinWidth(0);
        HBox header = new HBox(12, backButton, title, badge, facts);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        getChildren().add(header);
        failure.setId("model-failure");
        failure.setWrapText(true);
        failure.setMaxWidth(Double.MAX_VALUE);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        failure.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.DANGER));
        getChildren().add(failure);
        showFailure(located);

        board = new PanelBoard(context.metrics());
        board.setId("model-charts");
        board.setEmptyText("No serving metrics for " + row.name(), "None of the model-server families Pilothouse "
                + "knows (vLLM, KServe, Triton, TGI, Seldon, Knative, DCGM) reports series for this model in "
                + located.cluster() + "'s Prometheus yet. Asking again every " + (int) ASK_AGAIN.toSeconds()
                + " seconds.");
        Tab charts = new Tab("Serving", scroll(board));
        Tab podsTab = new Tab("Pods", pods);
        Tab eventsTab = new Tab("Events", events);
        Tab historyTab = new Tab("Rollout history", history);
        TabPane tabs = new TabPane(charts, podsTab, eventsTab, historyTab);
        tabs.setId("model-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().add(tabs);

        this.poller = poller;
        if (known.isEmpty()) {
            pollForCharts();
        } else {
            showCharts(known);
        }
        loadPods();
        loadEvents();
        loadHistory();
        getProperties().put("dispose", (Runnable) () -> {
            closed = true;
            askAgain.stop();
        });
    }

    /**
     * The model's row changed (its watch delivered a new version): the header follows it, so a canary that goes
     * unready while somebody watches its page does not stay green.
     */
    public void update(Located<ModelRow> now) {
        badge.setHealth(now.health());
        facts.setText(facts(now.row()));
        showFailure(now);
    }

    private void showFailure(Located<ModelRow> now) {
        ModelRow row = now.row();
        boolean show = !row.lastFailure().isEmpty() || now.health().state().unhealthy();
        failure.setText(!show ? "" : !row.lastFailure().isEmpty() ? "Last failure: " + row.lastFailure()
                : now.health().reason() + (now.health().message().isEmpty() ? "" : ": " + now.health().message()));
        failure.setVisible(show);
        failure.setManaged(show);
    }

    /** The object shown, for the view that keeps it current. */
    public String uid() {
        return located.uid();
    }

    private static String facts(ModelRow row) {
        List<String> parts = new ArrayList<>();
        parts.add(row.kind());
        if (!row.model().isEmpty() && !row.model().equals(row.name())) {
            parts.add("model " + row.model());
        }
        if (!row.latestRevision().isEmpty()) {
            parts.add("revision " + row.latestRevision());
        }
        if (row.canary()) {
            parts.add("canary " + row.canaryPercent() + " %");
        }
        if (row.desired() >= 0) {
            parts.add(Math.max(0, row.available()) + "/" + row.desired() + " available");
        }
        if (!row.url().isEmpty()) {
            parts.add(row.url());
        }
        return String.join(" · ", parts);
    }

    private void pollForCharts() {
        poller.poll(located.cluster()).whenComplete((f, e) -> Platform.runLater(
                () -> showCharts(e == null ? f : ServingFigures.NONE)));
    }

    /** One chart per measure, from the family that measures this model. */
    private void showCharts(ServingFigures figures) {
        Map<Measure, ServingFigures.Figure> mine = figures.of(located.namespace(), located.name(), located.row().kind(),
                located.row().model());
        List<Panel> panels = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            ServingFigures.Figure figure = mine.get(measure);
            if (figure == null) {
                continue;
            }
            ServingQueries.all().stream()
                    .filter(q -> q.measure() == measure && q.family().equals(figure.family())).findFirst()
                    .flatMap(this::panel).ifPresent(panels::add);
        }
        board.show(located.cluster(), panels, Map.of());
        if (panels.isEmpty()) {
            // A model that just started, or a Prometheus that has not scraped it yet: keep asking while the page
            // is open, rather than declaring for good that there are no metrics.
            askAgain.setOnFinished(e -> {
                if (closed) {
                    return;
                }
                if (getScene() != null) {
                    pollForCharts();
                } else {
                    askAgain.playFromStart(); // hidden for now: ask once it may be seen again
                }
            });
            askAgain.playFromStart();
        }
    }

    private Optional<Panel> panel(ServingQuery q) {
        String title = chartTitle(q.measure()) + (q.average() ? " (mean)" : "") + " · " + q.family();
        return q.forModel(located.namespace(), located.name(), located.row().kind(), located.row().model())
                .map(promql -> new Panel("model-" + q.measure().name().toLowerCase(java.util.Locale.ROOT), title,
                        promql, q.measure().unit(), q.legendFormat(), "", List.of()));
    }

    private static String chartTitle(Measure m) {
        return switch (m) {
            case REQUEST_RATE -> "Requests per second";
            case LATENCY_P99 -> "p99 latency";
            case ERROR_RATIO -> "Error ratio";
            case TIME_TO_FIRST_TOKEN -> "Time to first token (p95)";
            case TOKENS_PER_SECOND -> "Generated tokens per second";
            case QUEUE_DEPTH -> "Queue depth";
            case GPU_UTILISATION -> "GPU utilisation";
        };
    }

    private void loadPods() {
        pods.showLoading("Finding the pods…");
        selector().thenCompose(selector -> selector.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<List<KubeObject>>empty())
                        : context.clusters().list(located.cluster(), PODS, new WatchScope(located.namespace(), selector))
                        .thenApply(Optional::of))
                .whenComplete((found, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        pods.showError("Could not list the pods", Failures.message(error), this::loadPods);
                    } else if (found.isEmpty()) {
                        pods.showEmpty("No pods of its own", podlessReason());
                    } else if (found.get().isEmpty()) {
                        pods.showEmpty("No pods", "Nothing runs this model now.");
                    } else {
                        showTable(pods, podsContent, PODS, found.get());
                    }
                }));
    }

    /** The label selector of the model's pods; empty when its pods belong to something else (a Seldon Server). */
    private CompletableFuture<String> selector() {
        String kind = located.row().kind();
        if (kind.equals("InferenceService")) {
            return CompletableFuture.completedFuture("serving.kserve.io/inferenceservice=" + located.name());
        }
        if (located.kind().gvk().sameGroupKind(ServingDeployments.GVK)) {
            return context.clusters().get(located.cluster(), ServingDeployments.GVK, located.namespace(), located.name())
                    .thenApply(d -> {
                        Map<String, String> match = d.stringMap("spec", "selector", "matchLabels");
                        return String.join(",", match.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList());
                    });
        }
        return CompletableFuture.completedFuture("");
    }

    private String podlessReason() {
        return located.row().kind().startsWith("Experiment")
                ? "An Experiment splits traffic between models; open the models to see their pods."
                : "Seldon runs this model on a shared Server; its pods are the Server's.";
    }

    private void loadEvents() {
        events.showLoading("Reading events…");
        context.clusters().list(located.cluster(), EVENTS, WatchScope.namespace(located.namespace()))
                .whenComplete((all, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        events.showError("Could not list events", Failures.message(error), this::loadEvents);
                        return;
                    }
                    String name = located.name();
                    List<KubeObject> mine = all.stream().filter(e -> {
                        String about = e.string("involvedObject", "name");
                        return about.equals(name) || about.startsWith(name + "-");
                    }).sorted(Comparator.comparing((KubeObject e) -> e.instant("lastTimestamp")
                            .or(() -> e.instant("eventTime")).orElse(java.time.Instant.EPOCH)).reversed()).toList();
                    if (mine.isEmpty()) {
                        events.showEmpty("No events", "Nothing about " + name + " or its pods in the last hour "
                                + "(Kubernetes keeps events about an hour).");
                    } else {
                        showTable(events, eventsContent, EVENTS, mine);
                    }
                }));
    }

    private void loadHistory() {
        history.showLoading("Reading the rollout history…");
        CompletableFuture<List<RolloutHistory.Entry>> entries;
        if (located.row().kind().equals("InferenceService")) {
            entries = context.clusters().get(located.cluster(), InferenceServices.GVK, located.namespace(), located.name())
                    .thenApply(RolloutHistory::ofInferenceService);
        } else if (located.kind().gvk().sameGroupKind(ServingDeployments.GVK)) {
            entries = context.clusters().get(located.cluster(), ServingDeployments.GVK, located.namespace(),
                    located.name()).thenCombine(context.clusters().list(located.cluster(), REPLICA_SETS,
                    WatchScope.namespace(located.namespace())), RolloutHistory::ofDeployment);
        } else {
            history.showEmpty("No rollout history", "Seldon keeps no revisions of a " + located.row().kind()
                    + "; its conditions are in the detail pane.");
            return;
        }
        entries.whenComplete((list, error) -> Platform.runLater(() -> {
            if (error != null) {
                history.showError("Could not read the rollout history", Failures.message(error), this::loadHistory);
            } else if (list.isEmpty()) {
                history.showEmpty("No revisions yet", "The controller has not reported any revision.");
            } else {
                historyContent.getChildren().setAll(historyGrid(list));
                history.showContent();
            }
        }));
    }

    private static Node historyGrid(List<RolloutHistory.Entry> entries) {
        GridPane grid = new GridPane();
        grid.setId("model-history");
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        String[] titles = {"Revision", "Traffic / replicas", "Details", "Created"};
        for (int c = 0; c < titles.length; c++) {
            Label t = new Label(titles[c]);
            t.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(t, c, 0);
        }
        int r = 1;
        for (RolloutHistory.Entry e : entries) {
            Label revision = new Label(e.revision());
            revision.getStyleClass().add(Styles.MONO);
            grid.add(revision, 0, r);
            grid.add(new Label(e.traffic()), 1, r);
            grid.add(new Label(e.facts()), 2, r);
            grid.add(new Label(e.created() == null ? "" : dev.pilothouse.sdk.ui.kit.Formats.age(e.created(),
                    java.time.Instant.now()) + " ago"), 3, r);
            r++;
        }
        return scroll(grid);
    }

    private void showTable(StatePane holder, StackPane content, GroupVersionKind gvk, List<KubeObject> objects) {
        Optional<ResourceKind<?>> kind = context.resourceKind(gvk);
        if (kind.isEmpty()) {
            holder.showEmpty(objects.size() + " " + gvk.plural(), "No plugin shows " + gvk.kind() + " objects.");
            return;
        }
        var table = ObjectTables.of(context, located.cluster(), kind.get(), objects);
        table.setId("model-" + gvk.plural());
        content.getChildren().setAll(table);
        holder.showContent();
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

}
