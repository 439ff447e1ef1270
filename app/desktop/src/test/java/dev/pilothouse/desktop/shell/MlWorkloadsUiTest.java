package dev.pilothouse.desktop.shell;

import dev.pilothouse.desktop.Screenshot;
import dev.pilothouse.desktop.Shell;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.plugins.mlworkloads.models.ModelRow;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQueries;
import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQuery;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineRow;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.ui.kit.chart.ChartPanelView;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import dev.pilothouse.testkit.Eventually;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.pilothouse.desktop.shell.ShellFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ML views against the emulated clusters and the lab's Prometheus: pipelines of both clusters with the one that
 * lacks Tekton saying so, a failed run's graph and step log, models with serving figures from the lab and a model's
 * charts, and the fleet's counts of unhealthy ML objects.
 */
@ExtendWith(ApplicationExtension.class)
class MlWorkloadsUiTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static ShellFixture fixture;
    private Shell shell;

    @BeforeAll
    static void startServices() throws Exception {
        fixture = ShellFixture.start(dir, List.of());
    }

    @AfterAll
    static void stopServices() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        shell = fixture.show(stage);
    }

    @Test
    void pipelinesOfEveryClusterAndAFailedRunsGraphWithItsStepLog(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("pipelines"));
        TableView<Located<PipelineRow>> table = table(robot, "#pipelines-table");
        Eventually.await(WAIT, "runs of both clusters listed", () -> fx(() -> table.getItems().stream()
                .map(Located::cluster).distinct().count() == 2));
        Eventually.await(WAIT, "staging says Tekton is not installed", () -> fx(() ->
                robot.lookup("#pipelines-missing").queryAs(Label.class).getText())
                .contains("Tekton Pipelines is not installed in demo-staging."));

        Located<PipelineRow> failed = Eventually.awaitValue(WAIT, "a failed Argo run", () -> fx(() -> table.getItems()
                .stream().filter(l -> l.kind().gvk().kind().equals("Workflow")
                        && l.health().state() == HealthState.FAILED).findFirst().orElse(null)));
        robot.interact(() -> shell.window().open("workflow/" + failed.namespace() + "/" + failed.name()));

        DagView dag = Eventually.awaitValue(WAIT, "the run's graph drawn", () -> fx(() -> robot.lookup("#run-dag")
                .tryQueryAs(DagView.class).filter(d -> d.getModel().nodes().size() >= 2).orElse(null)));
        String selected = fx(dag::getSelectedNode);
        assertThat(fx(() -> dag.getModel().nodes().stream().filter(n -> n.id().equals(selected)).findFirst()
                .orElseThrow().state())).as("the page opens on the failed step").isEqualTo(HealthState.FAILED);
        @SuppressWarnings("unchecked")
        ListView<Object> log = Eventually.awaitValue(WAIT, "the failed step's log streamed", () -> fx(() -> robot
                .lookup("#log-lines").tryQueryAs(ListView.class).filter(l -> !l.getItems().isEmpty()).orElse(null)));
        assertThat(fx(() -> log.getItems().size())).isPositive();
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "pipeline-run.png"));

        robot.interact(() -> robot.lookup("#run-changes-tab").query());
        robot.interact(() -> robot.lookup("#run-back").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(fx(() -> robot.lookup("#run-page").tryQuery().isPresent())).as("back to the list").isFalse();
    }

    @Test
    void aRunShowsWhatChangedSinceTheLastSuccessfulRunOfItsTemplate(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("pipelines"));
        robot.interact(() -> shell.window().open("workflow/ml-pipelines/fraud-model-training-t7x2q"));
        TabPane tabs = Eventually.awaitValue(WAIT, "the run page", () -> fx(() -> robot.lookup("#run-tabs")
                .tryQueryAs(TabPane.class).orElse(null)));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Eventually.await(WAIT, "the changes against fraud-model-training-q9v4m", () -> fx(() -> texts(robot
                .lookup("#run-changes").query()).containsAll(List.of("learning-rate", "0.05", "0.08"))));
        assertThat(fx(() -> texts(robot.lookup("#run-changes").query()))).anySatisfy(t -> assertThat(t)
                .contains("fraud-model-training-q9v4m"));
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "run-changes.png"));
    }

    @Test
    void aTektonRunIsDrawnFromItsTasksWithTheFailedTasksStepLog(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("pipelines"));
        robot.interact(() -> shell.window().open("pipelinerun/ml-pipelines/deploy-model-run-r5t9w"));
        DagView dag = Eventually.awaitValue(WAIT, "the run's tasks drawn", () -> fx(() -> robot.lookup("#run-dag")
                .tryQueryAs(DagView.class).filter(d -> d.getModel().nodes().size() >= 3).orElse(null)));
        assertThat(fx(() -> dag.getModel().nodes().stream().filter(n -> n.id().equals("smoke-test")).findFirst()
                .orElseThrow().state())).isEqualTo(HealthState.FAILED);
        assertThat(fx(dag::getSelectedNode)).as("opened on the failed task").isEqualTo("smoke-test");
        Eventually.await(WAIT, "the failed task's step log", () -> fx(() -> robot.lookup("#log-lines")
                .tryQueryAs(ListView.class).map(l -> !l.getItems().isEmpty()).orElse(false)));
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "tekton-run.png"));
    }

    @Test
    void aCanarysRolloutHistoryShowsItsRevisionsAndTrafficSplit(FxRobot robot) throws Exception {
        robot.interact(() -> shell.window().navigate("models"));
        robot.interact(() -> shell.window().open("inferenceservice/ml-serving/fraud-scorer"));
        TabPane tabs = Eventually.awaitValue(WAIT, "the model page", () -> fx(() -> robot.lookup("#model-tabs")
                .tryQueryAs(TabPane.class).orElse(null)));
        robot.interact(() -> tabs.getSelectionModel().select(3));
        Eventually.await(WAIT, "revisions with their traffic", () -> fx(() -> robot.lookup("#model-history").tryQuery()
                .map(grid -> texts(grid).containsAll(List.of("fraud-scorer-predictor-00003", "10 %",
                        "fraud-scorer-predictor-00002", "90 %"))).orElse(false)));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Eventually.await(WAIT, "the predictor pods of both revisions", () -> fx(() -> robot.lookup("#model-pods")
                .tryQueryAs(TableView.class).map(t -> t.getItems().size() >= 2).orElse(false)));
        Screenshot.write(fx(() -> shell.scene().snapshot(null)), Path.of("target", "screenshots", "model-pods.png"));
    }

    /** Every label's text under a node. */
    private static List<String> texts(javafx.scene.Node root) {
        List<String> out = new java.util.ArrayList<>();
        if (root instanceof Label l) {
            out.add(l.getText());
        }
        if (root instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    @Test
    void modelsWithServingFiguresFromTheLabAndAModelsCharts(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("models"));
        TableView<Located<ModelRow>> table = table(robot, "#models-table");
        Located<ModelRow> canary = Eventually.awaitValue(WAIT, "the canary InferenceService listed", () -> fx(() ->
                table.getItems().stream().filter(l -> l.name().equals("fraud-scorer")).findFirst().orElse(null)));
        assertThat(canary.row().canaryPercent()).isEqualTo(10);
        var rate = fx(() -> table.getColumns().stream().filter(c -> c.getId().equals("serving-request_rate"))
                .findFirst().orElseThrow());
        Eventually.await(WAIT, "a request rate from the lab's Prometheus", () -> fx(() -> table.getItems().stream()
                .anyMatch(l -> rate.getCellData(l) != null)));

        robot.interact(() -> shell.window().open("inferenceservice/ml-serving/fraud-scorer"));
        Eventually.await(WAIT, "the model's charts drawn", () -> fx(() -> robot.lookup("#model-charts")
                .queryAll().stream().flatMap(n -> robot.from(n).lookup(".ph-chart-panel").queryAll().stream())
                .map(ChartPanelView.class::cast).anyMatch(c -> !c.chart().getSeries().isEmpty())));
    }

    @Test
    void everyServingQueryIsValidPromqlForTheLabsPrometheus() {
        var metrics = fixture.services().metrics();
        for (ServingQuery q : ServingQueries.all()) {
            List<String> forms = new java.util.ArrayList<>(List.of(q.forAll()));
            q.forModel("ml-serving", "fraud-scorer", "InferenceService", "fraud-scorer").ifPresent(forms::add);
            q.forModel("ml-serving", "llama-3-8b-instruct", "Deployment", "Meta \"Llama\" (8B)").ifPresent(forms::add);
            for (String promql : forms) {
                assertThat(metrics.query("demo-prod", promql)).as(q.family() + " " + q.measure() + ": " + promql)
                        .succeedsWithin(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void theFleetCountsUnhealthyPipelinesModelsAndAgentsPerCluster(FxRobot robot) {
        robot.interact(() -> shell.window().navigate("fleet"));
        for (String category : List.of("pipelines", "models", "agents")) {
            Eventually.await(WAIT, category + " counted in demo-prod", () -> fx(() -> robot
                    .lookup("#fleet-demo-prod-" + category).tryQueryAs(Label.class)
                    .map(l -> l.getText().matches("\\d+")).orElse(false)));
        }
        int unhealthyPipelines = Integer.parseInt(fx(() -> robot.lookup("#fleet-demo-prod-pipelines")
                .queryAs(Label.class).getText()));
        assertThat(unhealthyPipelines).as("the demo has failed runs").isPositive();
    }

    @Test
    void thePaletteFindsARunByNameAndOpensItsGraph(FxRobot robot) {
        // The fleet, shown first, watches every ML kind for its counts: their objects are searchable from then on.
        Eventually.await(WAIT, "pipelines counted", () -> fx(() -> robot.lookup("#fleet-demo-prod-pipelines")
                .tryQueryAs(Label.class).map(l -> l.getText().matches("\\d+")).orElse(false)));
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        Eventually.await(WAIT, "palette open", () -> fx(() -> robot.lookup("#command-palette").query().isVisible()));
        robot.write("nightly-data-validation-29k1c");
        @SuppressWarnings("unchecked")
        ListView<Object> results = robot.lookup("#palette-results").queryAs(ListView.class);
        // Its step pods match the name too (the fleet watches pods); the run is among the results.
        int at = Eventually.awaitValue(WAIT, "the run found", () -> fx(() -> {
            for (int i = 0; i < results.getItems().size(); i++) {
                if (results.getItems().get(i).toString().contains("category=Workflow · demo-prod")) {
                    return i;
                }
            }
            return null;
        }));
        robot.interact(() -> results.getSelectionModel().select(at));
        robot.type(KeyCode.ENTER);
        Eventually.await(WAIT, "its run page open in the pipelines view", () -> fx(() ->
                "pipelines".equals(shell.state().currentView().get()) && robot.lookup("#run-page").tryQuery().isPresent()));
    }

    @SuppressWarnings("unchecked")
    private static <R> TableView<R> table(FxRobot robot, String id) {
        return Eventually.awaitValue(WAIT, id + " shown", () -> fx(() -> robot.lookup(id).tryQueryAs(TableView.class)
                .orElse(null)));
    }
}
