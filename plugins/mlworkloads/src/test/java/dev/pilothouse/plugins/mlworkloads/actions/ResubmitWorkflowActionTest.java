package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pilothouse.plugins.mlworkloads.actions.Plans.fixture;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.parse;
import static dev.pilothouse.plugins.mlworkloads.actions.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resubmit creates the Workflow that argo resubmit formulates (workflow/util FormulateResubmitWorkflow, not
 * memoized). Argo's Go client would also send {@code "creationTimestamp":null} and an empty status, which the
 * server ignores on create; everything else is compared here field by field.
 */
class ResubmitWorkflowActionTest {

    private final ResubmitWorkflowAction resubmit = new ResubmitWorkflowAction();
    private final KubeObject terminated = fixture("argo-workflow-terminated-for-resubmit.yaml");

    private static Mutation.Create onlyCreate(ActionPlan plan) {
        assertThat(plan.mutations()).hasSize(1);
        return (Mutation.Create) plan.mutations().getFirst();
    }

    @Test
    void aTerminatedRunIsResubmittedWithItsSpecLessTheShutdownAndItsUserLabelsOnly() throws Exception {
        ActionPlan plan = plan(resubmit, terminated);

        Mutation.Create create = onlyCreate(plan);
        assertThat(create.target().display()).as("the server picks the name").isEqualTo("workflow/ml-pipelines/");
        assertThat(parse(create.body())).isEqualTo(parse("""
                {"apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow",
                 "metadata": {
                   "generateName": "fine-tune-llama-",
                   "namespace": "ml-pipelines",
                   "labels": {
                     "team": "ranking",
                     "workflows.argoproj.io/cron-workflow": "nightly-fine-tune",
                     "workflows.argoproj.io/resubmitted-from-workflow": "fine-tune-llama-q2w8z"},
                   "annotations": {"workflows.argoproj.io/scheduled-time": "2026-03-02T13:00:00Z"},
                   "ownerReferences": [{"apiVersion": "argoproj.io/v1alpha1", "kind": "CronWorkflow",
                     "name": "nightly-fine-tune", "uid": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     "controller": true, "blockOwnerDeletion": true}]},
                 "spec": {
                   "entrypoint": "fine-tune",
                   "serviceAccountName": "trainer",
                   "arguments": {"parameters": [
                     {"name": "base-model", "value": "llama-3-8b"},
                     {"name": "learning-rate", "value": "0.0002"},
                     {"name": "epochs", "value": "3"}]},
                   "templates": [{"name": "fine-tune", "container": {
                     "image": "registry.example.com/trainer:2.1.0",
                     "args": ["--model={{workflow.parameters.base-model}}", "--lr={{workflow.parameters.learning-rate}}"],
                     "resources": {"limits": {"nvidia.com/gpu": 1}}}}]}}
                """));
        assertThat(create.body()).startsWith("{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"Workflow\","
                + "\"metadata\":{\"generateName\":\"fine-tune-llama-\",");
        assertThat(plan.summary()).isEqualTo("Resubmit workflow ml-pipelines/fine-tune-llama-q2w8z as a new workflow "
                + "fine-tune-llama-…");
        assertThat(resubmit.access().verb()).isEqualTo("create");
    }

    @Test
    void givenParametersReplaceTheirNamesakesAndComeFirstAsArgoOrdersThem() throws Exception {
        ActionPlan plan = plan(resubmit, terminated, Map.of(ResubmitWorkflowAction.PARAMETERS,
                "learning-rate=0.0001\nwarmup-steps=100\n\ndataset={\"split\": \"a=b, c\"}\n"));

        Map<String, Object> spec = (Map<String, Object>) parse(onlyCreate(plan).body()).get("spec");
        assertThat(((Map<?, ?>) spec.get("arguments")).get("parameters")).isEqualTo(List.of(
                Map.of("name", "learning-rate", "value", "0.0001"),
                Map.of("name", "warmup-steps", "value", "100"),
                Map.of("name", "dataset", "value", "{\"split\": \"a=b, c\"}"),
                Map.of("name", "base-model", "value", "llama-3-8b"),
                Map.of("name", "epochs", "value", "3")));
        assertThat(plan.summary()).endsWith(" with learning-rate=0.0001, warmup-steps=100, dataset={\"split\": \"a=b, c\"}");
    }

    @Test
    void aRunWithoutGenerateNameIsResubmittedUnderItsNameAndDropsArgosRunLabels() throws Exception {
        Map<String, Object> metadata = (Map<String, Object>) parse(onlyCreate(plan(resubmit,
                fixture("argo-workflow-kfp-failed.yaml"))).body()).get("metadata");

        assertThat(metadata.get("generateName")).isEqualTo("churn-training-pipeline-7xk2p-");
        assertThat((Map<String, Object>) metadata.get("labels")).containsOnlyKeys("pipeline/runid",
                "pipelines.kubeflow.org/kfp_sdk_version", WorkflowResubmission.RESUBMITTED_FROM);
        assertThat((Map<String, Object>) metadata.get("annotations")).containsKey("pipelines.kubeflow.org/run_name");
    }

    @Test
    void onlyAFinishedRunIsOffered() {
        assertThat(resubmit.availability(fixture("argo-workflow-running.yaml")).reason())
                .isEqualTo("The workflow is still Running; resubmit it once it has finished");
        assertThat(resubmit.availability(fixture("argo-workflow-no-status.yaml")).reason())
                .isEqualTo("The workflow is still Pending; resubmit it once it has finished");
        assertThat(resubmit.availability(terminated).isAvailable()).isTrue();
        assertThat(resubmit.availability(fixture("argo-workflow-kfp-failed.yaml")).isAvailable()).isTrue();
    }

    @Test
    void aParameterLineWithoutNameIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> plan(resubmit, terminated, Map.of(ResubmitWorkflowAction.PARAMETERS, "a=1\noops")))
                .isInstanceOf(ActionException.class)
                .hasMessage("parameters: line 2: expected NAME=VALUE, got 'oops'");
        assertThatThrownBy(() -> plan(resubmit, terminated, Map.of(ResubmitWorkflowAction.PARAMETERS, "=1")))
                .hasMessage("parameters: line 1: expected NAME=VALUE, got '=1'");
    }
}
