package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.CheckResult;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.deployment;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.onlyPatch;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.plan;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.tree;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.with;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Restart sends the strategic merge patch kubectl rollout restart computes (objectrestarter.go sets the restartedAt
 * annotation to time.Now() in RFC 3339; CalculatePatch diffs before and after down to that one annotation).
 */
class RestartActionTest {

    private final RestartAction restart = new RestartAction();

    @Test
    void aDeploymentGetsOnlyTheRestartedAtAnnotationOfItsPodTemplateStampedToTheSecond() throws Exception {
        ActionPlan plan = plan(restart, deployment());

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(tree(patch.body())).isEqualTo(tree("""
                {"spec":{"template":{"metadata":{"annotations":
                  {"kubectl.kubernetes.io/restartedAt":"2026-03-02T14:30:00Z"}}}}}"""));
        assertThat(patch.type()).isEqualTo(PatchType.STRATEGIC_MERGE);
        assertThat(patch.subresource()).isEmpty();
        assertThat(patch.target().display()).isEqualTo("deployment/ml-serving/llama-7b");
        assertThat(plan.summary()).isEqualTo("Restart deployment ml-serving/llama-7b: replace every pod "
                + "(restartedAt 2026-03-02T14:30:00Z)");
        assertThat(plan.undo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"StatefulSet", "DaemonSet"})
    void statefulSetsAndDaemonSetsGetTheSamePatch(String kind) throws Exception {
        Mutation.Patch patch = onlyPatch(plan(restart, workload(kind, "spec.template.metadata.labels",
                java.util.Map.of("app", "web"))));

        assertThat(tree(patch.body())).isEqualTo(tree("""
                {"spec":{"template":{"metadata":{"annotations":
                  {"kubectl.kubernetes.io/restartedAt":"2026-03-02T14:30:00Z"}}}}}"""));
        assertThat(patch.target().gvk().kind()).isEqualTo(kind);
    }

    @Test
    void aPausedDeploymentIsRefusedWithKubectlsMessage() {
        KubeObject paused = with(deployment(), true, "spec", "paused");

        assertThat(restart.availability(paused).reason())
                .isEqualTo("can't restart paused deployment (run rollout resume first)");
        assertThatThrownBy(() -> plan(restart, paused)).isInstanceOf(ActionException.class)
                .hasMessage("can't restart paused deployment (run rollout resume first)");
        assertThat(restart.availability(deployment()).isAvailable()).isTrue();
    }

    @Test
    void aSecondRestartWithinTheSameSecondIsRefusedAsKubectlRefusesTheEmptyPatch() {
        KubeObject justRestarted = with(deployment(), "2026-03-02T14:30:00Z",
                "spec", "template", "metadata", "annotations", RestartAction.RESTARTED_AT);

        assertThatThrownBy(() -> plan(restart, justRestarted)).isInstanceOf(ActionException.class)
                .hasMessageContaining("within the past second");
    }

    @Test
    void itIsAMediumDangerRolloutVerifiedByRolloutStatus() throws Exception {
        var verification = plan(restart, deployment()).verification();

        assertThat(restart.danger()).isEqualTo(DangerLevel.MEDIUM);
        assertThat(restart.id()).isEqualTo("rollout-restart");
        assertThat(verification.check().apply(deployment()))
                .isEqualTo(CheckResult.done("deployment \"llama-7b\" successfully rolled out"));
        assertThat(verification.check().apply(with(deployment(), 6, "metadata", "generation")).status())
                .isEqualTo(CheckResult.Status.WAITING);
    }
}
