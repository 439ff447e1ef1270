package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "What changed since the last successful run" finds the right baseline and names each difference. */
class RunChangesTest {

    private final KubeObject failed = Fixtures.load("argo-workflow-dag-retry.yaml");
    private final KubeObject baseline = Fixtures.load("argo-workflow-dag-baseline.yaml");

    @Test
    void parametersAndImagesThatDifferFromTheLastSuccessAreListedBeforeAndAfter() {
        RunChanges.Comparison c = RunChanges.compare(failed, List.of(failed, baseline));

        assertThat(c.baseline()).map(KubeObject::name).contains("train-55xq");
        assertThat(c.changes()).containsExactly(
                new RunChanges.Change("parameter", "epochs", "3", ""),
                new RunChanges.Change("parameter", "learning-rate", "0.02", "0.01"),
                new RunChanges.Change("image", "train", "ghcr.io/acme/trainer:1.8.2", "ghcr.io/acme/trainer:1.9.0"));
    }

    @Test
    void onlyEarlierSuccessfulRunsOfTheSameTemplateCount() {
        KubeObject otherTemplate = modified(baseline, "other-uid", "2026-11-19T12:00:00Z", "other-template", "Succeeded");
        KubeObject later = modified(baseline, "later-uid", "2026-11-21T10:00:00Z", "churn-training", "Succeeded");
        KubeObject failedEarlier = modified(baseline, "failed-uid", "2026-11-19T18:00:00Z", "churn-training", "Failed");

        assertThat(RunChanges.lastSuccessful(failed, List.of(otherTemplate, later, failedEarlier, baseline)))
                .map(KubeObject::uid).contains(baseline.uid());
        assertThat(RunChanges.compare(failed, List.of(otherTemplate, later)).note())
                .isEqualTo("No earlier successful run of workflows.argoproj.io/workflow-template=churn-training is left "
                        + "in the cluster.");
    }

    @Test
    void tektonRunsAreTheSamePipelineByTheirPipelineLabelAndCompareParams() {
        KubeObject run = Fixtures.load("tekton-pipelinerun-graph.yaml");
        assertThat(RunChanges.identity(run)).isEqualTo("tekton.dev/pipeline=build-and-train");
        assertThat(RunChanges.parameters(run)).containsEntry("git-revision", "3f2a9c1");
        assertThat(RunChanges.images(run)).containsEntry("build/compile", "golang:1.23")
                .containsEntry("build/push", "gcr.io/kaniko-project/executor:v1.23.0");
    }

    @Test
    void aRunThatSaysNothingOfItsOriginIsNotComparedWithAnything() {
        KubeObject anonymous = KubeObject.of(Map.of("metadata", Map.of("name", "adhoc", "uid", "u")));
        assertThat(RunChanges.compare(anonymous, List.of(baseline)).note()).contains("does not say which pipeline");
    }

    @SuppressWarnings("unchecked")
    private static KubeObject modified(KubeObject base, String uid, String started, String template, String phase) {
        Map<String, Object> tree = deepCopy(base.raw());
        ((Map<String, Object>) tree.get("metadata")).put("uid", uid);
        ((Map<String, Object>) ((Map<String, Object>) tree.get("metadata")).get("labels"))
                .put("workflows.argoproj.io/workflow-template", template);
        ((Map<String, Object>) tree.get("status")).put("startedAt", started);
        ((Map<String, Object>) tree.get("status")).put("phase", phase);
        return KubeObject.of(tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
