package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.fleet.FleetListView;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.fleet.LocatedColumns;
import dev.pilothouse.plugins.mlworkloads.fleet.Product;
import dev.pilothouse.plugins.mlworkloads.fleet.Source;
import dev.pilothouse.plugins.mlworkloads.models.page.ModelPage;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingColumns;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingFigures;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingPoller;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQueries;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.View;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Duration;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code models} view: KServe InferenceServices, Seldon Models and Experiments, and model-serving Deployments
 * (recognised by an ordered list of label keys) in one list across clusters, with serving figures from whichever
 * metric family each model's server exports. Enter opens a model: charts, pods, events and rollout history.
 */
public final class ModelsView implements View {

    public static final Product KSERVE = Product.of("KServe", InferenceServices.GVK);
    public static final Product SELDON = Product.of("Seldon Core", SeldonResources.MODEL, SeldonResources.EXPERIMENT);
    /** Deployments exist everywhere: never "not installed". */
    static final Product DEPLOYMENTS = Product.of("Deployments", ServingDeployments.GVK);
    /** The setting holding the label keys, comma-separated, in order. */
    public static final String LABEL_KEYS = "models.labelKeys";
    static final Duration REFRESH = Duration.seconds(30);

    private final ViewContext context;
    private final FleetListView<ModelRow> list;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Map<String, ServingFigures> figures = new ConcurrentHashMap<>();
    /** The last failed poll of each cluster, until one succeeds: when, and why. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ServingPoller poller;
    private final Label servingNote = new Label();
    private ModelPage openPage;
    private final Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> pollServing()));

    public ModelsView(ViewContext context) {
        this.context = context;
        this.poller = new ServingPoller(context.metrics(), ServingQueries.all());
        ServingDeployments recognition = new ServingDeployments(labelKeys(context));
        List<ResourceKind<ModelRow>> kinds = ModelKinds.customResources();
        list = new FleetListView<>(context, "models", "Models", "models", sources(kinds, recognition),
                columns(kinds.getFirst().columns()), "status");
        list.setOnOpen(this::open);
        list.setOnRowsChanged(this::followOpenPage);
        servingNote.setId("models-serving-note");
        servingNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        list.setFooter(servingNote);
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** The label keys from the settings, else the defaults. */
    static List<String> labelKeys(ViewContext context) {
        String setting = context.settings().get(LABEL_KEYS, "");
        List<String> keys = Arrays.stream(setting.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
        return keys.isEmpty() ? ServingDeployments.DEFAULT_LABEL_KEYS : keys;
    }

    static List<Source<ModelRow>> sources(List<ResourceKind<ModelRow>> kinds, ServingDeployments recognition) {
        List<Source<ModelRow>> sources = new ArrayList<>();
        for (ResourceKind<ModelRow> kind : kinds) {
            sources.add(Source.of(kind, kind.gvk().sameGroupKind(InferenceServices.GVK) ? KSERVE : SELDON));
        }
        ResourceKind<ModelRow> deployments = ModelKinds.servingDeployments(recognition);
        // Selectors cannot say "any of these keys": one watch per key, and the list drops duplicates by uid.
        for (String key : recognition.labelKeys()) {
            sources.add(new Source<>(deployments, new WatchScope("", key), DEPLOYMENTS, r -> !r.model().isEmpty()));
        }
        return sources;
    }

    private List<Column<Located<ModelRow>>> columns(List<Column<ModelRow>> kindColumns) {
        // What on-call reads first (health, replicas, serving figures) before what identifies a version.
        List<String> order = List.of("cluster", "kind", "namespace", "name", "status", "ready", "serving", "canary",
                "revision", "model", "url", "failure");
        List<Column<Located<ModelRow>>> lifted = new ArrayList<>(LocatedColumns.of(kindColumns));
        lifted.addAll(ServingColumns.of(c -> figures.getOrDefault(c, ServingFigures.NONE)));
        lifted.sort(java.util.Comparator.comparingInt(c -> {
            int at = order.indexOf(c.id().startsWith("serving-") ? "serving" : c.id());
            return at < 0 ? order.size() : at;
        }));
        return lifted;
    }

    private void pollServing() {
        List<String> clusters = list.clustersInScope();
        for (String cluster : clusters) {
            poller.poll(cluster).whenComplete((f, error) -> Platform.runLater(() -> {
                if (error == null) {
                    figures.put(cluster, f);
                    failures.remove(cluster);
                } else {
                    // Keep the last figures: an unreachable Prometheus is not "no metrics", and says so below.
                    failures.put(cluster, LocalTime.now().format(CLOCK) + ": "
                            + dev.pilothouse.plugins.mlworkloads.Failures.message(error));
                }
                list.refilter();
                showServingNote(clusters);
            }));
        }
    }

    private void showServingNote(List<String> clusters) {
        List<String> families = clusters.stream().flatMap(c -> figures.getOrDefault(c, ServingFigures.NONE)
                .families().stream()).distinct().toList();
        List<String> without = clusters.stream().filter(c -> !context.metrics().available(c)).toList();
        String text = families.isEmpty() ? "No serving metrics found" : "Serving metrics: " + String.join(", ", families)
                + " · " + LocalTime.now().format(CLOCK);
        if (!without.isEmpty()) {
            text += " · no Prometheus for " + String.join(", ", without);
        }
        for (String cluster : clusters) {
            if (failures.containsKey(cluster)) {
                text += " · " + cluster + "'s Prometheus did not answer at " + failures.get(cluster)
                        + (figures.containsKey(cluster) ? " (its figures are from the last answer)" : "");
            }
        }
        servingNote.setText(text);
    }

    private void open(Located<ModelRow> row) {
        ModelPage page = new ModelPage(context, row, poller, figures.getOrDefault(row.cluster(), ServingFigures.NONE),
                list::closePage);
        openPage = page;
        list.openPage(page);
    }

    /** Keeps an open model page's header on the newest version of its row. */
    private void followOpenPage() {
        if (openPage == null || !list.pageOpen()) {
            openPage = null;
            return;
        }
        list.allRows().stream().filter(l -> l.uid().equals(openPage.uid())).findFirst().ifPresent(openPage::update);
    }

    /** The list, for tests. */
    public FleetListView<ModelRow> list() {
        return list;
    }

    @Override
    public Node node() {
        return list.node();
    }

    @Override
    public void activate() {
        list.activate();
        pollServing();
        timer.play();
    }

    @Override
    public void deactivate() {
        timer.stop();
    }

    @Override
    public boolean reveal(ActionTarget target) {
        return list.reveal(target);
    }

    @Override
    public ReadOnlyBooleanProperty ready() {
        return list.ready();
    }

    @Override
    public void dispose() {
        timer.stop();
        list.dispose();
    }
}
