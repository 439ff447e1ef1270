package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineEngine;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineKinds;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelineRow;
import dev.pilothouse.plugins.mlworkloads.pipelines.PipelinesView;
import dev.pilothouse.plugins.mlworkloads.status.Progress;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.ResourceKind;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One list over kinds of several clusters: what it shows, what it says is missing, and how it filters and opens. */
@ExtendWith(ApplicationExtension.class)
class FleetListViewTest {

    private final FakeFleet fleet = new FakeFleet("prod", "staging");
    private final ResourceKind<PipelineRow> workflows = PipelineKinds.all().get(0);
    private final ResourceKind<PipelineRow> pipelineRuns = PipelineKinds.all().get(2);
    private final List<Located<PipelineRow>> opened = new ArrayList<>();
    private FleetListView<PipelineRow> view;

    @Start
    void start(Stage stage) {
        view = new FleetListView<>(fleet.context(), "pipelines", "Pipelines", "pipelines", List.of(
                Source.of(workflows, PipelinesView.ARGO), Source.of(pipelineRuns, PipelinesView.TEKTON)),
                LocatedColumns.of(workflows.columns()), "name");
        view.setOnOpen(opened::add);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1300, 600));
        stage.show();
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void act(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static PipelineRow run(String uid, String name, HealthState state) {
        return new PipelineRow(uid, "9".equals(uid) ? "team-a" : "ml", name, "Workflow", PipelineEngine.ARGO, "", state.label(), new Progress(1, 2),
                Instant.parse("2026-11-23T10:00:00Z"), null, Health.of(state, state.label()));
    }

    @SuppressWarnings("unchecked")
    private List<String> shown(FxRobot robot) {
        TableView<Located<PipelineRow>> table = robot.lookup("#pipelines-table").queryAs(TableView.class);
        return fx(() -> table.getItems().stream().map(l -> l.cluster() + "/" + l.name()).toList());
    }

    @Test
    void rowsOfEveryClusterShareOneTableAndAMissingProductIsSaidNotShownAsAnError(FxRobot robot) {
        act(() -> {
            fleet.watch("prod", workflows).sync(run("1", "train-a", HealthState.FAILED), run("2", "train-b", HealthState.OK));
            fleet.watch("prod", pipelineRuns).sync();
            // The same uid in another cluster is another object.
            fleet.watch("staging", workflows).sync(run("1", "train-a", HealthState.PROGRESSING));
            fleet.watch("staging", pipelineRuns).state(WatchState.NOT_INSTALLED, "the server has no tekton.dev/v1");
        });

        assertThat(shown(robot)).containsExactly("prod/train-a", "staging/train-a", "prod/train-b");
        assertThat(fx(() -> robot.lookup("#pipelines-missing").queryAs(Label.class).getText()))
                .isEqualTo("Tekton Pipelines is not installed in staging.");
        assertThat(fx(() -> robot.lookup("#pipelines-problems").queryAs(Label.class).isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#pipelines-count").queryAs(Label.class).getText())).isEqualTo("3 pipelines");
    }

    @Test
    void theHealthFilterAndTheClusterScopeNarrowTheListAndAreRemembered(FxRobot robot) {
        act(() -> {
            fleet.watch("prod", workflows).sync(run("1", "train-a", HealthState.FAILED), run("2", "train-b", HealthState.OK));
            fleet.watch("prod", pipelineRuns).sync();
            fleet.watch("staging", workflows).sync(run("3", "train-c", HealthState.DEGRADED));
            fleet.watch("staging", pipelineRuns).sync();
        });
        act(() -> robot.lookup("#pipelines-health").queryAs(ComboBox.class).setValue(HealthFilter.ATTENTION));
        assertThat(shown(robot)).containsExactly("prod/train-a", "staging/train-c");
        assertThat(fleet.settings).containsEntry("pipelines.health", "ATTENTION");

        act(() -> robot.lookup("#pipelines-clusters").queryAs(ComboBox.class).setValue("staging"));
        assertThat(shown(robot)).containsExactly("staging/train-c");
        assertThat(fleet.settings).containsEntry("pipelines.clusters", "staging");
    }

    @Test
    void anUpdatedRowIsReplacedInPlaceAndKeepsTheSelection(FxRobot robot) {
        act(() -> {
            fleet.watch("prod", workflows).sync(run("1", "train-a", HealthState.PROGRESSING),
                    run("2", "train-b", HealthState.OK));
            fleet.watch("prod", pipelineRuns).sync();
            fleet.watch("staging", workflows).sync();
            fleet.watch("staging", pipelineRuns).sync();
        });
        @SuppressWarnings("unchecked")
        TableView<Located<PipelineRow>> table = robot.lookup("#pipelines-table").queryAs(TableView.class);
        act(() -> table.getSelectionModel().select(0));
        act(() -> fleet.watch("prod", workflows).rows().set(0, run("1", "train-a", HealthState.FAILED)));

        assertThat(fx(() -> table.getSelectionModel().getSelectedItem().row().health().state()))
                .isEqualTo(HealthState.FAILED);
        assertThat(shown(robot)).containsExactly("prod/train-a", "prod/train-b");
    }

    @Test
    void aClusterThatRefusesAllNamespacesIsWatchedInTheChosenNamespace(FxRobot robot) {
        act(() -> {
            fleet.namespace.set("team-a");
            fleet.watch("prod", workflows).state(WatchState.FORBIDDEN, "workflows.argoproj.io is forbidden");
            fleet.watch("prod", pipelineRuns).sync();
            fleet.watch("staging", workflows).sync();
            fleet.watch("staging", pipelineRuns).sync();
        });
        act(() -> fleet.watch("prod", workflows, "team-a").sync(run("9", "mine", HealthState.OK)));

        assertThat(shown(robot)).containsExactly("prod/mine");
        assertThat(fx(() -> robot.lookup("#pipelines-problems").queryAs(Label.class).getText()))
                .isEqualTo("Showing only namespace team-a of prod: you may not list Workflows in all namespaces there.");
    }

    @Test
    void revealOpensTheObjectOnceItsRowArrivesOrHandsItToTheDetailPane(FxRobot robot) {
        act(() -> assertThat(view.reveal(new ActionTarget("staging", ArgoWorkflows.WORKFLOW, "ml", "train-c"))).isTrue());
        assertThat(opened).as("nothing yet: staging is still loading").isEmpty();
        act(() -> {
            fleet.watch("prod", workflows).sync();
            fleet.watch("prod", pipelineRuns).sync();
            fleet.watch("staging", pipelineRuns).sync();
            fleet.watch("staging", workflows).sync(run("3", "train-c", HealthState.FAILED));
        });
        assertThat(opened).extracting(Located::name).containsExactly("train-c");

        act(() -> assertThat(view.reveal(new ActionTarget("prod", ArgoWorkflows.WORKFLOW, "ml", "gone"))).isTrue());
        assertThat(fleet.detailsShown).extracting(ActionTarget::name).containsExactly("gone");
        assertThat(fx(() -> view.reveal(new ActionTarget("prod", dev.pilothouse.plugins.mlworkloads.models
                .InferenceServices.GVK, "ml", "x")))).as("not a kind of this list").isFalse();
    }
}
