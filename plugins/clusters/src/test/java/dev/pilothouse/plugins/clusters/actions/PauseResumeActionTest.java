package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.deployment;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.onlyPatch;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.plan;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.tree;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pause and resume send kubectl's two-way strategic merge patches: {@code paused: true}, and for resume
 * {@code paused: null}, because {@code paused: false} is omitted from the "after" JSON (omitempty).
 */
class PauseResumeActionTest {

    private final PauseResumeAction pause = PauseResumeAction.pause();
    private final PauseResumeAction resume = PauseResumeAction.resume();
    private final KubeObject running = deployment();
    private final KubeObject paused = with(deployment(), true, "spec", "paused");

    @Test
    void pauseSetsSpecPausedAndNamesResumeAsItsUndo() throws Exception {
        ActionPlan plan = plan(pause, running);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(tree(patch.body())).isEqualTo(tree("{\"spec\":{\"paused\":true}}"));
        assertThat(patch.type()).isEqualTo(PatchType.STRATEGIC_MERGE);
        assertThat(plan.undo().actionId()).isEqualTo("rollout-resume");
    }

    @Test
    void resumeSendsTheNullKubectlsTwoWayDiffProducesAndNamesPauseAsItsUndo() throws Exception {
        ActionPlan plan = plan(resume, paused);

        assertThat(tree(onlyPatch(plan).body())).isEqualTo(tree("{\"spec\":{\"paused\":null}}"));
        assertThat(plan.undo().actionId()).isEqualTo("rollout-pause");
    }

    @Test
    void eachIsOfferedOnlyInTheStateItChanges() {
        assertThat(pause.availability(running).isAvailable()).isTrue();
        assertThat(pause.availability(paused).reason()).isEqualTo("The deployment is already paused");
        assertThat(resume.availability(paused).isAvailable()).isTrue();
        assertThat(resume.availability(running).reason()).isEqualTo("The deployment is not paused");
        assertThatThrownBy(() -> plan(resume, running)).isInstanceOf(ActionException.class)
                .hasMessage("The deployment is not paused");
    }

    @Test
    void aPauseIsVerifiedOnceTheControllerObservedItAndAResumeByTheRollout() throws Exception {
        var pauseCheck = plan(pause, running).verification().check();
        assertThat(pauseCheck.apply(with(paused, 6, "metadata", "generation")).status())
                .isEqualTo(CheckResult.Status.WAITING);
        assertThat(pauseCheck.apply(paused)).isEqualTo(CheckResult.done("deployment \"llama-7b\" paused"));

        var resumeCheck = plan(resume, paused).verification().check();
        assertThat(resumeCheck.apply(running).status()).isEqualTo(CheckResult.Status.DONE);
    }

    @Test
    void idsAreKubectlLike() {
        assertThat(pause.id()).isEqualTo("rollout-pause");
        assertThat(resume.id()).isEqualTo("rollout-resume");
        assertThat(WorkloadActions.all()).extracting(a -> a.id())
                .containsExactly("rollout-restart", "scale", "rollout-pause", "rollout-resume", "rollout-undo");
    }
}
