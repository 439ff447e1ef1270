package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.plugins.mlworkloads.pipelines.ArgoWorkflows;
import dev.pilothouse.plugins.mlworkloads.pipelines.TektonRuns;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.DangerLevel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue entries: stable ids, labels, the kinds they apply to, how careful their confirmation is. */
class PipelineActionsTest {

    private final List<Action> actions = PipelineActions.all();

    private Action byId(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyPipelineActionHasAStableIdALabelAndItsKind() {
        assertThat(actions).extracting(Action::id).containsExactly("workflow-stop", "workflow-terminate",
                "workflow-suspend", "workflow-resume", "workflow-resubmit", "pipelinerun-cancel", "taskrun-cancel");
        assertThat(actions).extracting(Action::label).containsExactly("Stop", "Terminate", "Suspend", "Resume",
                "Resubmit", "Cancel", "Cancel");
        assertThat(byId("workflow-terminate").kinds()).isEqualTo(Set.of(ArgoWorkflows.WORKFLOW));
        assertThat(byId("pipelinerun-cancel").kinds()).isEqualTo(Set.of(TektonRuns.PIPELINE_RUN));
        assertThat(byId("taskrun-cancel").kinds()).isEqualTo(Set.of(TektonRuns.TASK_RUN));
    }

    @Test
    void whatCannotBeUndoneAsksForTheMostCarefulConfirmation() {
        assertThat(byId("workflow-terminate").danger()).isEqualTo(DangerLevel.HIGH);
        assertThat(byId("workflow-stop").danger()).isEqualTo(DangerLevel.HIGH);
        assertThat(byId("pipelinerun-cancel").danger()).isEqualTo(DangerLevel.HIGH);
        assertThat(byId("taskrun-cancel").danger()).isEqualTo(DangerLevel.HIGH);
        assertThat(byId("workflow-resume").danger()).isEqualTo(DangerLevel.MEDIUM);
        assertThat(byId("workflow-suspend").danger()).isEqualTo(DangerLevel.LOW);
        assertThat(byId("workflow-resubmit").danger()).isEqualTo(DangerLevel.LOW);
    }

    @Test
    void resubmitIsCheckedAsACreateTheOthersAsPatchesOfTheObjectItself() {
        for (Action action : actions) {
            String verb = action.id().equals("workflow-resubmit") ? "create" : "patch";
            assertThat(action.access().verb()).as(action.id()).isEqualTo(verb);
            assertThat(action.access().subresource()).as(action.id()).isEmpty();
        }
    }
}
