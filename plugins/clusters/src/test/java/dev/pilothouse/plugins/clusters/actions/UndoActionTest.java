package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.deployment;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.onlyPatch;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.replicaSets;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.tree;
import static dev.pilothouse.plugins.clusters.actions.WorkloadPlans.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Undo sends the JSON patch of kubectl's DeploymentRollbacker (rollback.go): the chosen ReplicaSet's template minus
 * pod-template-hash, and the annotations kubectl computes. The fixture Deployment runs revision 3 (vLLM 0.6.3) and
 * owns ReplicaSets at revisions 1, 2 and 3; a fourth ReplicaSet with the same labels and revision 4 belongs to
 * another owner and must never be picked.
 */
class UndoActionTest {

    private final UndoAction undo = new UndoAction();

    private static ActionPlan plan(KubeObject deployment, Map<String, String> parameters) throws ActionException {
        return WorkloadPlans.plan(new UndoAction(), deployment, parameters, replicaSets());
    }

    @Test
    void byDefaultTheTemplateOfThePreviousRevisionIsPutBackWithKubectlsAnnotations() throws Exception {
        WorkloadPlans.Context context = new WorkloadPlans.Context(deployment(), Map.of(), replicaSets());
        ActionPlan plan = undo.plan(context);

        Mutation.Patch patch = onlyPatch(plan);
        assertThat(patch.type()).isEqualTo(PatchType.JSON);
        assertThat(patch.subresource()).isEmpty();
        assertThat(tree(patch.body())).isEqualTo(tree("""
                [{"op": "replace", "path": "/spec/template", "value": {
                   "metadata": {"creationTimestamp": null, "labels": {"app": "llama-7b"},
                                "annotations": {"prometheus.io/scrape": "true"}},
                   "spec": {"containers": [{"name": "vllm", "image": "vllm/vllm-openai:v0.6.0",
                                            "args": ["--model", "meta-llama/Llama-2-7b-hf"],
                                            "resources": {"limits": {"nvidia.com/gpu": "1"}}}],
                            "restartPolicy": "Always", "terminationGracePeriodSeconds": 30}}},
                 {"op": "replace", "path": "/metadata/annotations", "value": {
                   "deployment.kubernetes.io/revision": "3",
                   "kubectl.kubernetes.io/last-applied-configuration": "{\\"kind\\":\\"Deployment\\"}",
                   "kubernetes.io/change-cause": "bump vllm to 0.6.0"}}]
                """));
        assertThat(context.listCalls).containsExactly("apps/v1/ReplicaSet ml-serving app=llama-7b");
        assertThat(plan.summary()).isEqualTo("Roll back deployment ml-serving/llama-7b from revision 3 to the "
                + "template of revision 2 (replica set llama-7b-7c6b4f8d92)");
        assertThat(plan.undo()).isEqualTo(new ActionPlan.UndoHint("rollout-undo", Map.of("revision", "3")));
    }

    @Test
    void aChosenRevisionBringsItsOwnTemplateAndAnnotationsWithoutTheHashLabel() throws Exception {
        Mutation.Patch patch = onlyPatch(plan(deployment(), Map.of("revision", "1")));

        var operations = tree(patch.body());
        assertThat(operations.get(0).at("/value/spec/containers/0/image").asText()).isEqualTo("vllm/vllm-openai:v0.5.0");
        assertThat(operations.get(0).at("/value/metadata/labels")).isEqualTo(tree("{\"app\":\"llama-7b\"}"));
        assertThat(operations.get(1).get("value")).isEqualTo(tree("""
                {"deployment.kubernetes.io/revision": "3",
                 "kubectl.kubernetes.io/last-applied-configuration": "{\\"kind\\":\\"Deployment\\"}",
                 "kubernetes.io/change-cause": "first release",
                 "ml.example.com/owner": "ranking-team"}"""));
    }

    @Test
    void annotationsAreWrittenInKeyOrderAsGoWritesAMap() throws Exception {
        String body = onlyPatch(plan(deployment(), Map.of("revision", "1"))).body();

        assertThat(body).startsWith("[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":{\"metadata\":"
                + "{\"creationTimestamp\":null,\"labels\":{\"app\":\"llama-7b\"},");
        assertThat(body).contains("\"value\":{\"deployment.kubernetes.io/revision\":\"3\",\"kubectl.kubernetes.io/"
                + "last-applied-configuration\"");
    }

    @Test
    void aReplicaSetOfAnotherOwnerIsNeverARevision() {
        assertThatThrownBy(() -> plan(deployment(), Map.of("revision", "4")))
                .isInstanceOf(ActionException.class)
                .hasMessage("unable to find specified revision 4 in history");
    }

    @Test
    void rollingBackToTheRevisionAlreadyRunningChangesNothingAndSaysSo() {
        assertThatThrownBy(() -> plan(deployment(), Map.of("revision", "3")))
                .isInstanceOf(ActionException.class)
                .hasMessage("skipped rollback (current template already matches revision 3): nothing to change");
    }

    @Test
    void theTemplateComparisonIgnoresTheHashLabelAndEmptyFields() {
        Map<String, Object> current = PodTemplates.of(deployment());
        Map<String, Object> running = PodTemplates.of(replicaSets().getFirst());
        @SuppressWarnings("unchecked")
        Map<String, Object> withEmptyVolumes = (Map<String, Object>) Json.copy(current);
        ((Map<String, Object>) withEmptyVolumes.get("spec")).put("volumes", List.of());

        assertThat(PodTemplates.equalIgnoringHash(current, running)).isTrue();
        assertThat(PodTemplates.equalIgnoringHash(withEmptyVolumes, running)).isTrue();
        assertThat(PodTemplates.equalIgnoringHash(current, PodTemplates.of(replicaSets().get(2)))).isFalse();
    }

    @Test
    void aPausedDeploymentIsRefusedWithKubectlsMessage() {
        KubeObject paused = with(deployment(), true, "spec", "paused");
        String message = "you cannot rollback a paused deployment; resume it first with "
                + "'kubectl rollout resume deployment/llama-7b' and try again";

        assertThat(undo.availability(paused).reason()).isEqualTo(message);
        assertThatThrownBy(() -> plan(paused, Map.of())).isInstanceOf(ActionException.class).hasMessage(message);
    }

    @Test
    void withoutAnEarlierRevisionThereIsNothingToRollBackTo() {
        KubeObject first = with(deployment(), Map.of("deployment.kubernetes.io/revision", "1"),
                "metadata", "annotations");

        assertThat(undo.availability(first).reason()).isEqualTo("There is no earlier revision to roll back to");
        assertThatThrownBy(() -> WorkloadPlans.plan(undo, deployment(), Map.of(), List.of(replicaSets().getFirst())))
                .isInstanceOf(ActionException.class)
                .hasMessage("no rollout history found for deployment \"llama-7b\"");
    }

    @Test
    void aRevisionThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> plan(deployment(), Map.of("revision", "previous")))
                .isInstanceOf(ActionException.class)
                .hasMessage("revision must be a whole number, 0 for the previous one (got \"previous\")");
        assertThatThrownBy(() -> plan(deployment(), Map.of("revision", "-2")))
                .hasMessage("unable to find specified revision -2 in history");
    }

    @Test
    void theSelectorCarriesMatchLabelsAndMatchExpressions() {
        KubeObject selected = with(deployment(), List.of(
                        Map.of("key", "tier", "operator", "In", "values", List.of("serving", "canary")),
                        Map.of("key", "legacy", "operator", "DoesNotExist")),
                "spec", "selector", "matchExpressions");

        assertThat(ReplicaSetHistory.selector(selected)).isEqualTo("app=llama-7b,tier in (canary,serving),!legacy");
    }

    @Test
    void itIsTheMostDangerousWorkloadAction() {
        assertThat(undo.danger()).isEqualTo(DangerLevel.HIGH);
        assertThat(undo.id()).isEqualTo("rollout-undo");
    }

    @Test
    void applyingThePatchLeavesTheDeploymentOnTheChosenTemplateSoASecondUndoIsANoOp() throws Exception {
        Mutation.Patch patch = onlyPatch(plan(deployment(), Map.of()));

        KubeObject rolledBack = applyReplaceOperations(deployment(), patch.body());

        assertThat(PodTemplates.equalIgnoringHash(PodTemplates.of(rolledBack), PodTemplates.of(replicaSets().get(2))))
                .isTrue();
        assertThat(rolledBack.annotations()).doesNotContainKey("team")
                .containsEntry("kubernetes.io/change-cause", "bump vllm to 0.6.0");
        assertThatThrownBy(() -> plan(rolledBack, Map.of("revision", "2")))
                .hasMessageStartingWith("skipped rollback (current template already matches revision 2)");
    }

    /** RFC 6902 "replace" of object members, the only operation kubectl's rollback patch uses. */
    @SuppressWarnings("unchecked")
    private static KubeObject applyReplaceOperations(KubeObject object, String jsonPatch) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(object.raw());
        for (var operation : mapper.readTree(jsonPatch)) {
            assertThat(operation.get("op").asText()).isEqualTo("replace");
            String path = operation.get("path").asText();
            int slash = path.lastIndexOf('/');
            var parent = (com.fasterxml.jackson.databind.node.ObjectNode) root.at(path.substring(0, slash));
            assertThat(parent.has(path.substring(slash + 1))).as("replace needs an existing member").isTrue();
            parent.set(path.substring(slash + 1), operation.get("value"));
        }
        return KubeObject.of(mapper.convertValue(root, Map.class));
    }
}
