package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.deployment;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.onlyPatch;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.plan;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.replicaSets;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.tree;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.with;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scale sends what kubectl scale's ScaleSimple sends without preconditions: a merge patch of the scale subresource. */
class ScaleActionTest {

    private final ScaleAction scale = new ScaleAction();

    @Test
    void theScaleSubresourceGetsKubectlsMergePatchAndTheUndoScalesBack() throws Exception {
        ActionPlan plan = plan(scale, deployment(), Map.of("replicas", "5"));

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(tree(patch.body())).isEqualTo(tree("{\"spec\":{\"replicas\":5}}"));
        assertThat(patch.type()).isEqualTo(PatchType.MERGE);
        assertThat(patch.subresource()).isEqualTo("scale");
        assertThat(scale.access().verb()).isEqualTo("patch");
        assertThat(scale.access().subresource()).isEqualTo("scale");
        assertThat(plan.summary()).isEqualTo("Scale deployment ml-serving/llama-7b from 3 to 5 replicas");
        assertThat(plan.undo().actionId()).isEqualTo("scale");
        assertThat(plan.undo().parameters()).isEqualTo(Map.of("replicas", "3"));
    }

    @Test
    void scalingToZeroIsAllowedAndTheSummarySaysNothingWillServe() throws Exception {
        ActionPlan plan = plan(scale, deployment(), Map.of("replicas", " 0 "));

        assertThat(tree(onlyPatch(plan).body())).isEqualTo(tree("{\"spec\":{\"replicas\":0}}"));
        assertThat(plan.summary()).endsWith("to 0 replicas: every pod stops and nothing serves until it is scaled "
                + "up again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "two", "", "1.5", "99999999999"})
    void replicasThatAreNotAWholeNumberOfAtLeastZeroAreRefused(String replicas) {
        assertThatThrownBy(() -> plan(scale, deployment(), Map.of("replicas", replicas)))
                .isInstanceOf(ActionException.class)
                .hasMessage("replicas must be a whole number greater than or equal to 0 (got \"" + replicas + "\")");
    }

    @Test
    void aStatefulSetIsScaledTheSameWay() throws Exception {
        Mutation.Patch patch = onlyPatch(plan(scale, workload("StatefulSet", "spec.replicas", 2),
                Map.of("replicas", "4")));

        assertThat(tree(patch.body())).isEqualTo(tree("{\"spec\":{\"replicas\":4}}"));
        assertThat(patch.target().display()).isEqualTo("statefulset/shop/web");
    }

    @Test
    void aReplicaSetControlledByADeploymentIsNotOfferedButAnUnownedOneIs() {
        KubeObject owned = replicaSets().getFirst();
        KubeObject unowned = with(owned, List.of(), "metadata", "ownerReferences");

        assertThat(scale.availability(owned).reason())
                .isEqualTo("This replica set is managed by deployment llama-7b: scale that instead");
        assertThat(scale.availability(unowned).isAvailable()).isTrue();
        assertThat(scale.availability(deployment()).isAvailable()).isTrue();
    }

    @Test
    void theReplicasParameterIsARequiredInteger() {
        assertThat(scale.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("replicas");
            assertThat(p.required()).isTrue();
        });
    }
}
