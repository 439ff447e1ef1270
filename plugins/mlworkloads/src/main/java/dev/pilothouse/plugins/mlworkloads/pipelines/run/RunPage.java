package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineRow;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import dev.pilothouse.sdk.ui.kit.HealthBadge;
import dev.pilothouse.sdk.ui.kit.StatePane;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import dev.pilothouse.sdk.ui.kit.log.LogPane;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run: its steps drawn as a graph (state, durations, retries), the selected step's facts and streamed log, and
 * what changed since the last successful run of the same pipeline. The run is read again every few seconds while
 * it is not finished. Opens on the first failed step, else the running one, because that is what somebody opening
 * a run wants to see.
 */
public final class RunPage extends VBox {

    static final Duration REFRESH = Duration.seconds(3);

    private final ViewContext context;
    private final Located<PipelineRow> located;
    private final List<Action> actions;
    private final RunLoader loader;
    private final DagView dag = new DagView();
    private final HealthBadge badge = new HealthBadge();
    private final Label facts = new Label();
    private final Label message = new Label();
    private final Label stale = new Label();
    private final HBox actionBar = new HBox(6);
    private final StepPane stepPane = new StepPane();
    private final StackPane logHolder = new StackPane();
    private final ChangesPane changes = new ChangesPane();
    private final StatePane graphState;
    private final Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
    private RunLoader.Snapshot snapshot;
    private String shownLogKey = "";
    private boolean comparing;
    /** Whether the user picked a step; until then the page follows the run to its failed or running step. */
    private boolean userChose;
    private boolean selecting;
    /** A read is under way: the timer does not start another, so answers never arrive out of order. */
    private boolean loading;
    private boolean changesTabSelected;
    private boolean disposed;
    private LogPane logPane;
    private List<String> shownActions = List.of();

    public RunPage(ViewContext context, Located<PipelineRow> located, List<Action> actions, Runnable back) {
        this.context = context;
        this.located = located;
        this.actions = List.copyOf(actions);
        this.loader = new RunLoader(context.clusters(), located.cluster(), located.kind().gvk(), located.namespace(),
                located.name());
        setId("run-page");
        setSpacing(8);
        setPadding(new Insets(16));
        setFocusTraversable(true);

        Button backButton = new Button("← Pipelines");
        backButton.setId("run-back");
        backButton.setTooltip(new Tooltip("Back to the list (Esc)"));
        backButton.setOnAction(e -> back.run());
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(located.name());
        title.getStyleClass().add(Styles.TITLE_2);
        title.setId("run-title");
        title.setMinWidth(120);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setId("run-facts");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        actionBar.setAlignment(Pos.CENTER_RIGHT);
        actionBar.setMinWidth(Region.USE_PREF_SIZE);
        // Two lines: the name and what can be done on the first, the facts (which may be long) under it, so a long
        // name or many actions never push the page wider than the window.
        HBox titleRow = new HBox(12, backButton, title, badge, spacer, actionBar);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(4, titleRow, facts);
        header.getStyleClass().add(Styles.VIEW_HEADER);
        message.setId("run-message");
        message.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.DANGER));
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        showMessage("", HealthState.OK);
        stale.setId("run-stale");
        stale.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        stale.setWrapText(true);
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.setMinHeight(Region.USE_PREF_SIZE);
        showStale("");

        dag.setId("run-dag");
        dag.setMinHeight(160);
        dag.selectedNodeProperty().addListener((o, a, b) -> {
            if (!selecting) {
                userChose = true;
            }
            showStep(b);
        });
        dag.setOnOpen(id -> logHolder.requestFocus());
        graphState = new StatePane(dag);
        graphState.showLoading("Reading " + located.name() + "…");

        logHolder.setId("run-log");
        HBox.setHgrow(logHolder, Priority.ALWAYS);
        HBox stepTab = new HBox(12, stepPane, logHolder);
        stepTab.setPadding(new Insets(8, 0, 0, 0));
        Tab step = new Tab("Step and log", stepTab);
        Tab changed = new Tab("Changes since last success", changes);
        changed.setId("run-changes-tab");
        changed.selectedProperty().addListener((o, a, selected) -> {
            changesTabSelected = selected;
            if (selected) {
                compare();
            }
        });
        TabPane tabs = new TabPane(step, changed);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("run-tabs");

        SplitPane split = new SplitPane(graphState, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.48);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, stale, message, split);
        getProperties().put("dispose", (Runnable) this::dispose);

        timer.setCycleCount(Timeline.INDEFINITE);
        refresh();
    }

    /** The graph, for tests and keyboard focus. */
    public DagView dag() {
        return dag;
    }

    private void refresh() {
        // Hidden (another view is shown) or closed: no reads; the timer's next tick after coming back reads again.
        if (disposed || loading || getScene() == null && snapshot != null) {
            return;
        }
        loading = true;
        loader.load().whenComplete((s, error) -> Platform.runLater(() -> {
            loading = false;
            if (disposed) {
                return;
            }
            if (error != null && snapshot == null) {
                timer.stop();
                graphState.showError("Could not read " + located.name() + " from " + located.cluster(),
                        Failures.message(error), this::refresh);
                return;
            }
            if (error != null) {
                // A flaky VPN: keep what was read, say since when it is old, and keep trying.
                showStale("Could not read " + located.name() + " at " + java.time.LocalTime.now().withNano(0)
                        + ": " + Failures.message(error) + ". Showing the run as last read; retrying.");
                if (timer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                    timer.play();
                }
                return;
            }
            showStale("");
            show(s);
        }));
    }

    private void show(RunLoader.Snapshot s) {
        boolean first = snapshot == null;
        snapshot = s;
        PipelineRow row = located.kind().project(s.run());
        var health = located.kind().health(row);
        badge.setHealth(health);
        facts.setText(facts(row));
        showMessage(health.message(), health.state());
        showActions(s.run());
        RunGraph graph = s.graph();
        if (graph.steps().isEmpty()) {
            graphState.showEmpty("No steps to draw", graph.note());
        } else {
            graphState.showContent();
        }
        String selected = dag.getSelectedNode();
        selecting = true;
        try {
            dag.setModel(graph.model(Instant.now()));
            if (first || !userChose || selected == null || graph.step(selected).isEmpty()) {
                graph.focus().or(() -> graph.steps().values().stream().findFirst())
                        .ifPresent(step -> dag.setSelectedNode(step.id()));
            } else {
                dag.setSelectedNode(selected);
            }
        } finally {
            selecting = false;
        }
        showStep(dag.getSelectedNode());
        if (changesTabSelected && changes.isLoading()) {
            compare();
        }
        boolean finished = row.finished() != null || health.state() == HealthState.OK
                || health.state() == HealthState.FAILED;
        if (finished) {
            timer.stop();
        } else if (timer.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            timer.play();
        }
    }

    private String facts(PipelineRow row) {
        StringBuilder b = new StringBuilder();
        b.append(row.engine().label()).append(" ").append(row.kind()).append(" · ").append(located.cluster())
                .append(" / ").append(row.namespace());
        if (!row.runName().isEmpty()) {
            b.append(" · run “").append(row.runName()).append("”");
        }
        if (row.started() != null) {
            b.append(" · started ").append(Formats.age(row.started(), Instant.now())).append(" ago");
        }
        var duration = row.duration(Instant.now());
        if (duration != null) {
            b.append(" · ").append(Formats.duration(duration)).append(row.finished() == null ? " so far" : "");
        }
        if (row.progress() != null && row.progress().known()) {
            b.append(" · ").append(row.progress()).append(" steps");
        }
        return b.toString();
    }

    private void showStale(String text) {
        stale.setText(text);
        stale.setVisible(!text.isEmpty());
        stale.setManaged(!text.isEmpty());
    }

    private void showMessage(String text, HealthState state) {
        boolean show = !text.isBlank() && state.unhealthy();
        message.setText(text);
        message.setVisible(show);
        message.setManaged(show);
    }

    private void showActions(KubeObject run) {
        ActionTarget target = located.target();
        List<Action> available = actions.stream()
                .filter(a -> a.kinds().stream().anyMatch(k -> k.sameGroupKind(target.gvk())))
                .filter(a -> a.availability(run).isAvailable()).toList();
        List<String> ids = available.stream().map(Action::id).toList();
        if (ids.equals(shownActions)) {
            return; // rebuilding every refresh would take the keyboard focus off a button, and lose a click
        }
        shownActions = ids;
        actionBar.getChildren().clear();
        // Only what can be done now: a finished run offers Resubmit, not four greyed-out buttons.
        for (Action action : available) {
            Button button = new Button(action.label());
            button.setId("run-action-" + action.id());
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> context.ui().runAction(action, target, Map.of())
                    .whenComplete((result, error) -> Platform.runLater(() -> {
                        context.ui().notify(error == null ? result.summary() : Failures.message(error));
                        shownActions = List.of(); // the run's state moved on: offer what fits it now
                        refresh();
                    })));
            actionBar.getChildren().add(button);
        }
    }

    private void showStep(String id) {
        if (snapshot == null || id == null) {
            return;
        }
        snapshot.graph().step(id).ifPresent(step -> {
            stepPane.show(step, Instant.now());
            showLog(step, stepPane.chosenSource());
        });
    }

    /** Shows the chosen attempt's log, unless it is already the one shown (refreshes must not restart a stream). */
    private void showLog(RunStep step, int sourceIndex) {
        if (step.logSources().isEmpty()) {
            shownLogKey = "";
            logHolder.getChildren().setAll(note(step.type().equals("Suspend") ? "A suspend step runs no container."
                    : "This step has not run a pod yet."));
            return;
        }
        RunStep.LogSource source = step.logSources().get(Math.min(sourceIndex, step.logSources().size() - 1));
        String pod = source.pod().isEmpty() ? snapshot.podByNode().getOrDefault(source.nodeId(), "") : source.pod();
        // A step that finished is read once more: a follow stream may end before the last lines (a kubelet that
        // closed it, a proxy's timeout), and the end of a failed step's log is the part that matters.
        String key = step.id() + "|" + pod + "|" + source.containers() + "|" + (step.finished() != null);
        if (key.equals(shownLogKey)) {
            return;
        }
        shownLogKey = key;
        if (pod.isEmpty()) {
            logHolder.getChildren().setAll(note("The pod of this step is gone (deleted after the run, or not yet "
                    + "created), so there is no log to read."));
            return;
        }
        if (logPane != null) {
            logPane.close();
        }
        LogPane pane = new LogPane(context, located.cluster(),
                List.of(new LogPane.Source(located.namespace(), pod, source.containers())), LogPane.DEFAULT_MAX_LINES);
        if (!source.focus().isEmpty()) {
            pane.selectContainer(source.focus());
        }
        logPane = pane;
        logHolder.getChildren().setAll(pane);
    }

    private void compare() {
        if (comparing || snapshot == null) {
            return;
        }
        comparing = true;
        changes.showLoading();
        KubeObject run = snapshot.run();
        loader.siblings().whenComplete((runs, error) -> Platform.runLater(() -> {
            comparing = false;
            if (error != null) {
                changes.showError(Failures.message(error));
            } else {
                changes.show(RunChanges.compare(run, runs));
            }
        }));
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        StackPane.setAlignment(label, Pos.TOP_LEFT);
        return label;
    }


    private void dispose() {
        disposed = true;
        timer.stop();
        if (logPane != null) {
            logPane.close();
        }
        logHolder.getChildren().clear();
    }

    /** The selected step's facts, and which attempt's log to show when it was retried. */
    private final class StepPane extends VBox {
        private final Label name = new Label();
        private final Label details = new Label();
        private final ComboBox<String> attempt = new ComboBox<>();
        private RunStep step;
        private boolean updating;

        StepPane() {
            super(6);
            setId("run-step");
            setPrefWidth(280);
            setMinWidth(220);
            name.getStyleClass().add(Styles.TITLE_4);
            name.setWrapText(true);
            details.setWrapText(true);
            details.getStyleClass().add(Styles.TEXT_SMALL);
            attempt.setId("run-attempt");
            attempt.valueProperty().addListener((o, a, b) -> {
                if (!updating && step != null) {
                    showLog(step, chosenSource());
                }
            });
            getChildren().addAll(name, details, attempt);
        }

        void show(RunStep s, Instant now) {
            boolean sameStep = step != null && step.id().equals(s.id());
            step = s;
            name.setText(s.label());
            var d = s.duration(now);
            StringBuilder b = new StringBuilder();
            b.append(s.phase()).append(" · ").append(s.type());
            if (s.started() != null) {
                b.append("\nstarted ").append(Formats.age(s.started(), now)).append(" ago");
            }
            if (d != null) {
                b.append("\nran ").append(Formats.duration(d)).append(s.finished() == null ? " so far" : "");
            }
            if (s.retries() > 0) {
                b.append("\n").append(s.retries()).append(s.retries() == 1 ? " retry" : " retries");
            }
            if (!s.message().isEmpty()) {
                b.append("\n\n").append(s.message());
            }
            details.setText(b.toString());
            updating = true;
            try {
                List<String> labels = s.logSources().stream().map(RunStep.LogSource::label).toList();
                int keep = sameStep ? attempt.getSelectionModel().getSelectedIndex() : -1;
                attempt.getItems().setAll(labels);
                attempt.getSelectionModel().select(keep >= 0 && keep < labels.size() ? keep : labels.size() - 1);
                attempt.setVisible(labels.size() > 1);
                attempt.setManaged(labels.size() > 1);
            } finally {
                updating = false;
            }
        }

        int chosenSource() {
            return Math.max(0, attempt.getSelectionModel().getSelectedIndex());
        }
    }
}
