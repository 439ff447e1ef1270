package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.Fixtures;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs become graphs of the steps people wrote, whatever structure nodes the engines add. */
class RunGraphTest {

    @Test
    void anArgoDagJoinsStepsThroughStructureNodesAndDrawsARetriedStepOnce() {
        RunGraph graph = ArgoRunGraph.of(Fixtures.load("argo-workflow-dag-retry.yaml"));

        assertThat(graph.steps().values()).extracting(RunStep::label)
                .containsExactly("fetch", "validate", "featurize-a", "featurize-b", "train", "notify");
        assertThat(graph.edges()).containsExactlyInAnyOrder(
                edge("1", "2"), edge("1", "3"), edge("1", "4"),
                edge("2", "5"), edge("3", "5"), edge("4", "5"),
                edge("5", "7"));
        RunStep retried = graph.step("train-7k2p-4").orElseThrow();
        assertThat(retried.retries()).isEqualTo(1);
        assertThat(retried.logSources()).extracting(RunStep.LogSource::nodeId, RunStep.LogSource::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("train-7k2p-4a", "attempt 1"),
                        org.assertj.core.groups.Tuple.tuple("train-7k2p-4b", "attempt 2"));
        assertThat(retried.logSources().getFirst().containers()).containsExactly("main");
    }

    @Test
    void anArgoRunOpensOnItsFailedStepWithDurationAndRetriesUnderEachName() {
        RunGraph graph = ArgoRunGraph.of(Fixtures.load("argo-workflow-dag-retry.yaml"));

        RunStep focus = graph.focus().orElseThrow();
        assertThat(focus.label()).isEqualTo("train");
        assertThat(focus.state()).isEqualTo(HealthState.FAILED);
        assertThat(focus.message()).isEqualTo("OOMKilled (exit code 137)");
        var model = graph.model(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(model.nodes()).filteredOn(n -> n.label().equals("featurize-b")).singleElement()
                .satisfies(n -> assertThat(n.detail()).endsWith("· 1 retry"));
        assertThat(model.nodes()).filteredOn(n -> n.label().equals("train")).singleElement()
                .satisfies(n -> assertThat(n.detail()).isEqualTo("19m"));
    }

    @Test
    void anOffloadedArgoRunSaysWhereItsStepsWentInsteadOfDrawingNothing() {
        RunGraph graph = ArgoRunGraph.of(Fixtures.load("argo-workflow-offloaded.yaml"));
        assertThat(graph.steps()).isEmpty();
        assertThat(graph.note()).contains("offloading").contains("Argo server");
        assertThat(ArgoRunGraph.of(Fixtures.load("argo-workflow-no-status.yaml")).note())
                .isEqualTo("No step has started yet.");
    }

    @Test
    void aTektonRunFollowsRunAfterAndResultsAndPutsFinallyTasksLast() {
        RunGraph graph = TektonRunGraph.ofPipelineRun(Fixtures.load("tekton-pipelinerun-graph.yaml"),
                List.of(Fixtures.load("tekton-taskrun-succeeded.yaml"), Fixtures.load("tekton-taskrun-build-failed.yaml")));

        assertThat(graph.steps().keySet()).containsExactly("fetch", "build", "lint", "train", "report");
        assertThat(graph.edges()).containsExactlyInAnyOrder(new GraphEdge("fetch", "build"),
                new GraphEdge("fetch", "lint"), new GraphEdge("build", "train"), new GraphEdge("lint", "report"),
                new GraphEdge("train", "report"));
        assertThat(graph.step("fetch").orElseThrow().state()).isEqualTo(HealthState.OK);
        RunStep build = graph.step("build").orElseThrow();
        assertThat(build.state()).isEqualTo(HealthState.FAILED);
        assertThat(build.logSources()).singleElement().satisfies(s -> {
            assertThat(s.pod()).isEqualTo("build-and-train-run-r8x2k-build-pod");
            assertThat(s.containers()).containsExactly("step-compile", "step-push");
            assertThat(s.focus()).isEqualTo("step-compile");
        });
        RunStep train = graph.step("train").orElseThrow();
        assertThat(train.phase()).isEqualTo("Skipped");
        assertThat(train.message()).isEqualTo("Parent Tasks were skipped");
        assertThat(graph.step("lint").orElseThrow().phase()).isEqualTo("Pending");
        assertThat(graph.focus()).map(RunStep::id).contains("build");
    }

    @Test
    void aTaskRunAloneIsItsStepsInOrderEachWithItsContainer() {
        RunGraph graph = TektonRunGraph.ofTaskRun(Fixtures.load("tekton-taskrun-build-failed.yaml"));
        assertThat(graph.steps().keySet()).containsExactly("compile", "push");
        assertThat(graph.edges()).containsExactly(new GraphEdge("compile", "push"));
        assertThat(graph.step("compile").orElseThrow().message()).isEqualTo("exit code 2 (Error)");
        assertThat(graph.step("compile").orElseThrow().logSources().getFirst().containers())
                .containsExactly("step-compile");
    }

    @Test
    void aPipelineRunTheControllerHasNotStartedSaysSo() {
        KubeObject fresh = KubeObject.of(Map.of("metadata", Map.of("name", "x"), "spec", Map.of()));
        assertThat(TektonRunGraph.ofPipelineRun(fresh, List.of()).note()).contains("not started");
    }

    @Test
    void aMatrixTaskIsOneBoxAsBadAsItsWorstRunWithEveryRunsLog() {
        KubeObject run = KubeObject.of(Map.of("metadata", Map.of("name", "sweep", "namespace", "ml"),
                "status", Map.of("pipelineSpec", Map.of("tasks", List.of(Map.of("name", "train"))),
                        "childReferences", List.of(
                                Map.of("kind", "TaskRun", "name", "sweep-train-0", "pipelineTaskName", "train"),
                                Map.of("kind", "TaskRun", "name", "sweep-train-1", "pipelineTaskName", "train")))));
        RunGraph graph = TektonRunGraph.ofPipelineRun(run, List.of(taskRun("sweep-train-0", "True", 0),
                taskRun("sweep-train-1", "False", 1)));

        RunStep train = graph.step("train").orElseThrow();
        assertThat(train.state()).isEqualTo(HealthState.FAILED);
        assertThat(train.phase()).isEqualTo("Failed (2 runs, 1 failed)");
        assertThat(train.logSources()).extracting(RunStep.LogSource::pod)
                .containsExactly("sweep-train-0-pod", "sweep-train-1-pod");
    }

    @Test
    void aContainerOfAContainerSetReadsItsLogFromThePodsContainerOfItsName() {
        KubeObject wf = KubeObject.of(Map.of("metadata", Map.of("name", "cs", "namespace", "ml"),
                "status", Map.of("phase", "Running", "nodes", Map.of(
                        "cs", Map.of("id", "cs", "type", "Pod", "displayName", "cs", "phase", "Running",
                                "children", List.of("cs-1", "cs-2")),
                        "cs-1", Map.of("id", "cs-1", "type", "Container", "displayName", "prepare", "phase", "Succeeded"),
                        "cs-2", Map.of("id", "cs-2", "type", "Container", "displayName", "train", "phase", "Running")))));
        RunStep train = ArgoRunGraph.of(wf).step("cs-2").orElseThrow();
        assertThat(train.logSources()).singleElement().satisfies(l -> {
            assertThat(l.nodeId()).as("the pod carries its Pod node's id").isEqualTo("cs");
            assertThat(l.containers()).containsExactly("train");
        });
    }

    private static KubeObject taskRun(String name, String succeeded, int exitCode) {
        return KubeObject.of(Map.of("metadata", Map.of("name", name, "namespace", "ml"),
                "status", Map.of("podName", name + "-pod",
                        "conditions", List.of(Map.of("type", "Succeeded", "status", succeeded,
                                "reason", "True".equals(succeeded) ? "Succeeded" : "Failed")),
                        "steps", List.of(Map.of("name", "fit", "container", "step-fit",
                                "terminated", Map.of("exitCode", exitCode))))));
    }

    private static GraphEdge edge(String from, String to) {
        return new GraphEdge("train-7k2p-" + from, "train-7k2p-" + to);
    }
}
