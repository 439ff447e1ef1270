package dev.pilothouse.sdk.ui.kit.log;

import dev.pilothouse.sdk.cluster.LogListener;
import dev.pilothouse.sdk.cluster.LogOptions;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A log viewer over one or more containers (all pods of a workload merged, each pod in its own colour): follow,
 * previous instance, timestamps, wrap, search with highlights, save to a file. Lines arrive on background threads
 * and are applied once per pulse; memory is bounded by a ring buffer of a configurable number of lines.
 */
public final class LogPane extends VBox {

    /** A container to read. */
    public record Source(String namespace, String pod, List<String> containers) {
    }

    private static final int COLOURS = 6;
    /** How often a container that has not started is asked for again (about five minutes in all). */
    private static final int MAX_START_WAITS = 45;
    private static final double LINE_HEIGHT = 20;

    private final ViewContext context;
    private final String cluster;
    private final List<Source> sources;
    private final int limit;
    private final ObservableList<LogBuffer.Line> shown = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<LogBuffer.Line> incoming = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final List<Subscription> streams = new ArrayList<>();
    private final ListView<LogBuffer.Line> list = new ListView<>(shown);
    private final ComboBox<String> container = new ComboBox<>();
    private final ToggleButton follow = new ToggleButton("Follow");
    private final ToggleButton previous = new ToggleButton("Previous");
    private final ToggleButton timestamps = new ToggleButton("Timestamps");
    private final ToggleButton wrap = new ToggleButton("Wrap");
    private final TextField search = new TextField();
    private final Label status = new Label();
    private LogBuffer buffer;
    /** Counts restarts, so a retry scheduled for an earlier stream does not open after a newer one. */
    private long generation;
    private boolean closed;
    private List<Integer> matches = List.of();
    private int match = -1;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    /** The lines kept when the caller has no setting for it. */
    public static final int DEFAULT_MAX_LINES = 10_000;

    /**
     * @param maxLines how many lines to keep (older ones are dropped); at least 100
     */
    public LogPane(ViewContext context, String cluster, List<Source> sources, int maxLines) {
        this.context = context;
        this.cluster = cluster;
        this.sources = List.copyOf(sources);
        this.limit = Math.max(100, maxLines);
        setSpacing(6);
        setId("log-pane");
        getStyleClass().add("ph-log-pane");

        List<String> containers = sources.getFirst().containers();
        container.getItems().setAll(containers);
        container.setValue(containers.isEmpty() ? null : containers.getFirst());
        container.setVisible(sources.size() == 1 && containers.size() > 1);
        container.setManaged(container.isVisible());
        follow.setSelected(true);
        follow.setId("log-follow");
        previous.setId("log-previous");
        timestamps.setId("log-timestamps");
        wrap.setId("log-wrap");
        search.setId("log-search");
        search.setPromptText("Search (Enter: next)");
        search.setPrefWidth(200);
        Button save = new Button("Save…");
        save.setId("log-save");
        save.setOnAction(e -> save());
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.setId("log-status");
        // A flow, not a row: the detail pane is narrow, and the controls must stay readable.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 6, container, follow, previous, timestamps,
                wrap, search, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.control.Control c : List.of(follow, previous, timestamps, wrap, save)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }

        list.setId("log-lines");
        list.getStyleClass().addAll(Styles.MONO, "ph-log-lines");
        list.setCellFactory(l -> new LineCell());
        list.setFixedCellSize(LINE_HEIGHT);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setPlaceholder(new Label("Waiting for log lines…"));
        getChildren().addAll(bar, list, status);

        container.valueProperty().addListener((o, a, b) -> restart());
        previous.selectedProperty().addListener((o, a, b) -> restart());
        timestamps.selectedProperty().addListener((o, a, b) -> restart());
        follow.selectedProperty().addListener((o, a, b) -> restart());
        wrap.selectedProperty().addListener((o, a, b) -> {
            // One fixed height keeps a long log cheap to scroll; wrapped lines need their own heights.
            list.setFixedCellSize(b ? -1 : LINE_HEIGHT);
            list.refresh();
        });
        search.textProperty().addListener((o, a, b) -> {
            matches = buffer.matches(b);
            match = -1;
            list.refresh();
            updateStatus();
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !matches.isEmpty()) {
                match = (match + (e.isShiftDown() ? matches.size() - 1 : 1)) % matches.size();
                follow.setSelected(false);
                list.scrollTo(Math.max(0, matches.get(match) - 3));
                list.getSelectionModel().select(matches.get(match).intValue());
                updateStatus();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                stop();
            } else if (a == null && streams.isEmpty() && !closed) {
                // Shown again (the user came back to the view): read the log anew rather than sit frozen.
                restart();
            }
        });
        restart();
    }

    private void restart() {
        stop();
        generation++;
        buffer = new LogBuffer(limit);
        shown.clear();
        incoming.clear();
        matches = List.of();
        Map<String, Integer> colours = new LinkedHashMap<>();
        for (Source s : sources) {
            String chosen = sources.size() == 1 && container.getValue() != null ? container.getValue()
                    : s.containers().isEmpty() ? "" : s.containers().getFirst();
            String label = sources.size() == 1 ? "" : shortName(s.pod());
            int colour = colours.computeIfAbsent(s.pod(), p -> colours.size() % COLOURS);
            LogOptions options = new LogOptions(chosen, follow.isSelected(), previous.isSelected(),
                    timestamps.isSelected(), 1_000);
            open(s, options, label, colour, generation, 0);
        }
        pump.start();
        updateStatus();
    }

    /**
     * Streams one container. A container that has not started yet (the API server answers 400 "is waiting to
     * start") is asked again with a growing pause, once it may have started, rather than ending the view with an
     * error: a pipeline step opened the moment it is scheduled is the common case.
     */
    private void open(Source s, LogOptions options, String label, int colour, long forGeneration, int attempt) {
        streams.add(context.clusters().streamLog(cluster, s.namespace(), s.pod(), options, new LogListener() {
            @Override
            public void onLines(List<String> lines) {
                for (String line : lines) {
                    incoming.add(new LogBuffer.Line(label, colour, line));
                }
            }

            @Override
            public void onEnd() {
                notices.add(follow.isSelected() ? s.pod() + ": stream ended" : "");
            }

            @Override
            public void onError(String message) {
                if (notYetStarted(message) && attempt < MAX_START_WAITS) {
                    if (attempt == 0) {
                        notices.add(s.pod() + ": waiting for the container to start…");
                    }
                    Platform.runLater(() -> {
                        PauseTransition pause = new PauseTransition(Duration.seconds(Math.min(8, 1 + attempt)));
                        pause.setOnFinished(e -> {
                            if (generation == forGeneration && getScene() != null) {
                                open(s, options, label, colour, forGeneration, attempt + 1);
                            }
                        });
                        pause.play();
                    });
                    return;
                }
                notices.add(message);
            }
        }));
    }

    static boolean notYetStarted(String message) {
        return message.contains("is waiting to start") || message.contains("ContainerCreating")
                || message.contains("PodInitializing");
    }

    /** The part of a pod name that tells replicas apart: its last segment ("…p7749"). */
    static String shortName(String pod) {
        int dash = pod.lastIndexOf('-');
        return dash > 0 && dash < pod.length() - 1 ? "…" + pod.substring(dash + 1) : pod;
    }

    private void drain() {
        List<LogBuffer.Line> batch = new ArrayList<>();
        LogBuffer.Line line;
        while ((line = incoming.poll()) != null && batch.size() < 20_000) {
            batch.add(line);
        }
        String notice;
        while ((notice = notices.poll()) != null) {
            if (!notice.isEmpty()) {
                batch.add(new LogBuffer.Line("", -1, "— " + notice));
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        int dropped = buffer.append(batch);
        if (dropped > 0 && dropped >= shown.size()) {
            shown.setAll(buffer.lines());
        } else {
            if (dropped > 0) {
                shown.remove(0, dropped);
            }
            shown.addAll(batch);
        }
        if (!search.getText().isEmpty()) {
            matches = buffer.matches(search.getText());
        }
        if (follow.isSelected()) {
            list.scrollTo(shown.size() - 1);
        }
        updateStatus();
    }

    private void updateStatus() {
        String text = buffer.lines().size() + " lines" + (buffer.dropped() > 0 ? ", " + buffer.dropped()
                + " older lines dropped (limit " + limit + ")" : "");
        if (!search.getText().isEmpty()) {
            text += " · " + matches.size() + " matches" + (match >= 0 ? " (" + (match + 1) + " of " + matches.size() + ")" : "");
        }
        status.setText(text);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName((sources.size() == 1 ? sources.getFirst().pod() : "workload") + ".log");
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            saveTo(file.toPath());
        }
    }

    /** Writes the container output to a file, each line prefixed by its pod when several are merged. */
    public void saveTo(Path file) {
        List<String> out = new ArrayList<>(buffer.lines().size());
        for (LogBuffer.Line l : buffer.lines()) {
            if (l.colour() < 0) {
                continue; // our own notices ("stream ended"), not the container's output
            }
            out.add(l.source().isEmpty() ? l.text() : "[" + l.source() + "] " + l.text());
        }
        try {
            Files.write(file, out, StandardCharsets.UTF_8);
            context.ui().notify("Saved " + out.size() + " lines to " + file);
        } catch (IOException e) {
            context.ui().notify("Could not save " + file + ": " + e.getMessage());
        }
    }

    /** The lines shown (for tests). */
    public List<LogBuffer.Line> lines() {
        return List.copyOf(shown);
    }

    /** Stops every stream. */
    /** Shows another container of the (single) pod, such as the step that failed; unknown names are ignored. */
    public void selectContainer(String name) {
        if (container.getItems().contains(name)) {
            container.setValue(name);
        }
    }

    /** Stops for good: the pane is thrown away and must not restart when shown again. */
    public void close() {
        closed = true;
        stop();
    }

    public void stop() {
        pump.stop();
        streams.forEach(Subscription::close);
        streams.clear();
    }

    /** A line: its source in the source's colour, then the text with search matches highlighted. */
    private final class LineCell extends ListCell<LogBuffer.Line> {
        @Override
        protected void updateItem(LogBuffer.Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            TextFlow flow = new TextFlow();
            if (!line.source().isEmpty()) {
                Text source = new Text(line.source() + "  ");
                source.getStyleClass().addAll("ph-log-source", "ph-log-source-" + line.colour());
                flow.getChildren().add(source);
            }
            String text = line.text();
            int at = 0;
            for (int[] r : LogBuffer.ranges(text, search.getText())) {
                flow.getChildren().add(plain(text.substring(at, r[0]), line));
                Text hit = new Text(text.substring(r[0], r[1]));
                hit.getStyleClass().addAll("ph-log-text", "ph-log-match");
                flow.getChildren().add(hit);
                at = r[1];
            }
            flow.getChildren().add(plain(text.substring(at), line));
            if (wrap.isSelected()) {
                flow.maxWidthProperty().bind(list.widthProperty().subtract(40));
                flow.prefWidthProperty().bind(list.widthProperty().subtract(40));
            } else {
                flow.maxWidthProperty().unbind();
                flow.prefWidthProperty().unbind();
                flow.setPrefWidth(Region.USE_COMPUTED_SIZE);
                flow.setMaxWidth(Double.MAX_VALUE);
            }
            setText(null);
            setGraphic(flow);
        }

        private Text plain(String s, LogBuffer.Line line) {
            Text t = new Text(wrap.isSelected() ? s : s.replace('\t', ' '));
            t.getStyleClass().add(line.colour() < 0 ? "ph-log-notice" : "ph-log-text");
            return t;
        }
    }
}
