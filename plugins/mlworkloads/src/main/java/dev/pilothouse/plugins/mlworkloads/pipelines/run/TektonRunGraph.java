package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The graph of a Tekton PipelineRun: one box per pipeline task, joined by {@code runAfter} and by results one task
 * passes to another ({@code $(tasks.x.results.y)}), with the {@code finally} tasks after everything else. A task's
 * state comes from its TaskRun; its log is the TaskRun's pod, one {@code step-*} container per step. A TaskRun on
 * its own is drawn as its steps in order.
 */
public final class TektonRunGraph {

    private static final Pattern RESULT_REFERENCE = Pattern.compile("\\$\\(tasks\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.");

    private TektonRunGraph() {
    }

    /**
     * @param pipelineRun the run
     * @param taskRuns    its TaskRuns (those labelled {@code tekton.dev/pipelineRun} with its name)
     */
    public static RunGraph ofPipelineRun(KubeObject pipelineRun, List<KubeObject> taskRuns) {
        KubeObject spec = pipelineRun.object("status", "pipelineSpec")
                .or(() -> pipelineRun.object("spec", "pipelineSpec")).orElse(KubeObject.of(Map.of()));
        List<KubeObject> tasks = spec.objects("tasks");
        List<KubeObject> finallyTasks = spec.objects("finally");
        Map<String, List<KubeObject>> runByTask = taskRunsByPipelineTask(pipelineRun, taskRuns);
        Map<String, String> skipped = new HashMap<>();
        pipelineRun.objects("status", "skippedTasks").forEach(s -> skipped.put(s.string("name"), s.string("reason")));
        if (tasks.isEmpty() && runByTask.isEmpty()) {
            return RunGraph.none(pipelineRun.get("status").isEmpty() ? "The Tekton controller has not started this run yet."
                    : "The run records no pipeline tasks (status.pipelineSpec is empty).");
        }
        Map<String, RunStep> steps = new LinkedHashMap<>();
        List<GraphEdge> edges = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        tasks.forEach(t -> names.add(t.string("name")));
        finallyTasks.forEach(t -> names.add(t.string("name")));
        runByTask.keySet().forEach(names::add); // a TaskRun whose task the spec no longer shows still ran
        Set<String> hasDependents = new LinkedHashSet<>();
        for (KubeObject task : tasks) {
            String name = task.string("name");
            for (String before : dependencies(task)) {
                if (names.contains(before) && !before.equals(name)) {
                    edges.add(new GraphEdge(before, name));
                    hasDependents.add(before);
                }
            }
        }
        for (String name : names) {
            steps.put(name, taskStep(name, runByTask.getOrDefault(name, List.of()), skipped.get(name)));
        }
        List<String> leaves = tasks.stream().map(t -> t.string("name")).filter(n -> !hasDependents.contains(n)).toList();
        for (KubeObject fin : finallyTasks) {
            leaves.forEach(leaf -> edges.add(new GraphEdge(leaf, fin.string("name"))));
        }
        return new RunGraph(steps, edges.stream().distinct().toList(), "");
    }

    /** A TaskRun alone: its steps in order, each a container of its one pod. */
    public static RunGraph ofTaskRun(KubeObject taskRun) {
        List<KubeObject> reported = taskRun.objects("status", "steps");
        if (reported.isEmpty()) {
            return RunGraph.none(taskRun.string("status", "podName").isEmpty() ? "The TaskRun has no pod yet."
                    : "The TaskRun reports no steps yet.");
        }
        String pod = taskRun.string("status", "podName");
        Map<String, RunStep> steps = new LinkedHashMap<>();
        List<GraphEdge> edges = new ArrayList<>();
        String previous = null;
        for (KubeObject s : reported) {
            String name = s.string("name");
            String container = s.string("container").isEmpty() ? "step-" + name : s.string("container");
            String phase;
            String message = "";
            Instant started = null;
            Instant finished = null;
            if (s.get("terminated").isPresent()) {
                long exit = s.number("terminated", "exitCode");
                String reason = s.string("terminated", "reason");
                phase = exit == 0 ? "Succeeded" : "Failed";
                message = exit == 0 ? reason : "exit code " + exit + (reason.isEmpty() ? "" : " (" + reason + ")");
                started = s.instant("terminated", "startedAt").orElse(null);
                finished = s.instant("terminated", "finishedAt").orElse(null);
            } else if (s.get("running").isPresent()) {
                phase = "Running";
                started = s.instant("running", "startedAt").orElse(null);
            } else {
                phase = "Pending";
                message = s.string("waiting", "reason");
            }
            steps.put(name, new RunStep(name, name, "Step", phase, RunStep.stateOf(phase), started, finished, 0,
                    message, List.of(new RunStep.LogSource("", pod, List.of(container), container, container))));
            if (previous != null) {
                edges.add(new GraphEdge(previous, name));
            }
            previous = name;
        }
        return new RunGraph(steps, edges, "");
    }

    /** The TaskRuns of each pipeline task: one, or several for a matrix task (one per combination). */
    private static Map<String, List<KubeObject>> taskRunsByPipelineTask(KubeObject pipelineRun,
                                                                       List<KubeObject> taskRuns) {
        Map<String, KubeObject> byName = new HashMap<>();
        taskRuns.forEach(t -> byName.put(t.name(), t));
        Map<String, List<KubeObject>> byTask = new LinkedHashMap<>();
        Set<String> placed = new java.util.HashSet<>();
        for (KubeObject ref : pipelineRun.objects("status", "childReferences")) {
            KubeObject run = byName.get(ref.string("name"));
            if (run != null && placed.add(run.name())) {
                byTask.computeIfAbsent(ref.string("pipelineTaskName"), k -> new ArrayList<>()).add(run);
            }
        }
        // Older controllers (and runs whose references were pruned) only say it through the TaskRun's label.
        for (KubeObject run : taskRuns) {
            String task = run.labels().getOrDefault("tekton.dev/pipelineTask", "");
            if (!task.isEmpty() && placed.add(run.name())) {
                byTask.computeIfAbsent(task, k -> new ArrayList<>()).add(run);
            }
        }
        return byTask;
    }

    /** The container of the step that failed, else of the one running; empty when all went well. */
    private static String interestingStep(KubeObject taskRun) {
        List<KubeObject> steps = taskRun.objects("status", "steps");
        return steps.stream().filter(s -> s.get("terminated").isPresent() && s.number("terminated", "exitCode") != 0)
                .findFirst().or(() -> steps.stream().filter(s -> s.get("running").isPresent()).findFirst())
                .map(s -> s.string("container").isEmpty() ? "step-" + s.string("name") : s.string("container"))
                .orElse("");
    }

    private static Set<String> dependencies(KubeObject task) {
        Set<String> before = new LinkedHashSet<>();
        task.get("runAfter").filter(List.class::isInstance).ifPresent(l -> ((List<?>) l).forEach(
                v -> before.add(String.valueOf(v))));
        for (KubeObject param : task.objects("params")) {
            Matcher m = RESULT_REFERENCE.matcher(String.valueOf(param.get("value").orElse("")));
            while (m.find()) {
                before.add(m.group(1));
            }
        }
        return before;
    }

    private static RunStep taskStep(String name, List<KubeObject> taskRuns, String skipReason) {
        if (taskRuns.isEmpty()) {
            String phase = skipReason != null ? "Skipped" : "Pending";
            return new RunStep(name, name, "Task", phase, RunStep.stateOf(phase), null, null, 0,
                    skipReason == null ? "" : skipReason, List.of());
        }
        if (taskRuns.size() == 1) {
            return taskRunStep(name, taskRuns.getFirst());
        }
        // A matrix task: one box for all its TaskRuns, as bad as the worst of them, each TaskRun a log source.
        List<RunStep> runs = taskRuns.stream().map(t -> taskRunStep(name, t)).toList();
        RunStep worst = runs.stream().min(java.util.Comparator.comparing(RunStep::state)).orElseThrow();
        long failed = runs.stream().filter(r -> r.state() == HealthState.FAILED).count();
        Instant started = runs.stream().map(RunStep::started).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(null);
        boolean allDone = runs.stream().allMatch(r -> r.finished() != null);
        Instant finished = allDone ? runs.stream().map(RunStep::finished).max(java.util.Comparator.naturalOrder())
                .orElse(null) : null;
        String phase = worst.phase() + " (" + runs.size() + " runs" + (failed > 0 ? ", " + failed + " failed" : "") + ")";
        List<RunStep.LogSource> logs = runs.stream().flatMap(r -> r.logSources().stream()).toList();
        return new RunStep(name, name, "Matrix", phase, worst.state(), started, finished,
                runs.stream().mapToInt(RunStep::retries).sum(), worst.message(), logs);
    }

    private static RunStep taskRunStep(String name, KubeObject taskRun) {
        var succeeded = Condition.of(taskRun, "Succeeded");
        String phase;
        HealthState state;
        if (succeeded.isEmpty()) {
            phase = "Pending";
            state = HealthState.UNKNOWN;
        } else if (succeeded.get().isTrue()) {
            phase = "Succeeded";
            state = HealthState.OK;
        } else if (succeeded.get().isFalse()) {
            phase = succeeded.get().reasonOr("Failed");
            state = RunStep.stateOf(phase) == HealthState.PAUSED ? HealthState.PAUSED : HealthState.FAILED;
        } else {
            phase = succeeded.get().reasonOr("Running");
            state = "Pending".equals(phase) ? HealthState.UNKNOWN : HealthState.PROGRESSING;
        }
        String pod = taskRun.string("status", "podName");
        List<String> containers = taskRun.objects("status", "steps").stream()
                .map(s -> s.string("container").isEmpty() ? "step-" + s.string("name") : s.string("container")).toList();
        List<RunStep.LogSource> logs = pod.isEmpty() ? List.of()
                : List.of(new RunStep.LogSource("", pod, containers, taskRun.name(), interestingStep(taskRun)));
        int retries = taskRun.objects("status", "retriesStatus").size();
        return new RunStep(name, name, "TaskRun", phase, state, taskRun.instant("status", "startTime").orElse(null),
                taskRun.instant("status", "completionTime").orElse(null), retries,
                succeeded.map(Condition::message).orElse(""), logs);
    }
}
