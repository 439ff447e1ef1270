package dev.pilothouse.plugins.mlworkloads.pipelines.run;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "What changed since the last successful run": which earlier run is the same pipeline, and how its parameters and
 * container images differ from this run's. Pure functions of the objects.
 */
public final class RunChanges {

    /** One difference; {@code before} or {@code after} is empty when the entry was added or removed. */
    public record Change(String what, String key, String before, String after) {
    }

    /** The baseline run and the differences, or why there is no baseline. */
    public record Comparison(Optional<KubeObject> baseline, List<Change> changes, String note) {
    }

    private RunChanges() {
    }

    /**
     * What makes two runs the same pipeline: the Argo WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow it
     * came from, the Tekton Pipeline or Task it references, else the name prefix it was generated with. Empty when
     * the run says nothing about its origin.
     */
    public static String identity(KubeObject run) {
        Map<String, String> labels = run.labels();
        for (String key : List.of("workflows.argoproj.io/workflow-template",
                "workflows.argoproj.io/cluster-workflow-template", "workflows.argoproj.io/cron-workflow",
                "tekton.dev/pipeline", "tekton.dev/task", "pipeline/pipelineid")) {
            String value = labels.getOrDefault(key, "");
            if (!value.isEmpty()) {
                return key + "=" + value;
            }
        }
        for (String[] ref : new String[][]{{"spec", "workflowTemplateRef", "name"}, {"spec", "pipelineRef", "name"},
                {"spec", "taskRef", "name"}}) {
            if (!run.string(ref).isEmpty()) {
                return ref[1] + "=" + run.string(ref);
            }
        }
        String generateName = run.string("metadata", "generateName");
        return generateName.isEmpty() ? "" : "generateName=" + generateName;
    }

    /** Whether the run finished successfully (Argo phase, or Tekton's Succeeded condition). */
    public static boolean succeeded(KubeObject run) {
        if ("Succeeded".equals(run.string("status", "phase"))) {
            return true;
        }
        return Condition.of(run, "Succeeded").filter(Condition::isTrue).isPresent();
    }

    /** The newest other run of the same pipeline that succeeded and started before this one. */
    public static Optional<KubeObject> lastSuccessful(KubeObject run, List<KubeObject> candidates) {
        String identity = identity(run);
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        Instant started = startOf(run);
        return candidates.stream()
                .filter(c -> !c.uid().equals(run.uid()) && identity.equals(identity(c)) && succeeded(c))
                .filter(c -> started == null || startOf(c) == null || startOf(c).isBefore(started))
                .max(Comparator.comparing(RunChanges::startOf, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Compares this run with the last successful run of the same pipeline among {@code candidates}. */
    public static Comparison compare(KubeObject run, List<KubeObject> candidates) {
        if (identity(run).isEmpty()) {
            return new Comparison(Optional.empty(), List.of(), "This run does not say which pipeline or template it "
                    + "came from, so there is no earlier run to compare it with.");
        }
        Optional<KubeObject> baseline = lastSuccessful(run, candidates);
        if (baseline.isEmpty()) {
            return new Comparison(baseline, List.of(), "No earlier successful run of " + identity(run)
                    + " is left in the cluster.");
        }
        List<Change> changes = new ArrayList<>();
        diff("parameter", parameters(baseline.get()), parameters(run), changes);
        diff("image", images(baseline.get()), images(run), changes);
        return new Comparison(baseline, changes, changes.isEmpty()
                ? "Same parameters and images as " + baseline.get().name() + "." : "");
    }

    /** Parameters by name: Argo's {@code spec.arguments.parameters}, Tekton's {@code spec.params}. */
    public static Map<String, String> parameters(KubeObject run) {
        Map<String, String> params = new TreeMap<>();
        List<KubeObject> list = run.get("spec", "arguments", "parameters").isPresent()
                ? run.objects("spec", "arguments", "parameters") : run.objects("spec", "params");
        for (KubeObject p : list) {
            params.put(p.string("name"), p.get("value").map(String::valueOf).orElse(""));
        }
        return params;
    }

    /**
     * Container images by where they are used ("train/main", "build/step-compile"), from every template or task
     * spec the run carries: Argo's templates and the stored copies of its WorkflowTemplate, Tekton's resolved
     * pipeline and task specs.
     */
    public static Map<String, String> images(KubeObject run) {
        Map<String, String> images = new TreeMap<>();
        for (String[] root : new String[][]{{"spec", "templates"}, {"status", "storedTemplates"},
                {"status", "storedWorkflowTemplateSpec", "templates"}, {"spec", "pipelineSpec"},
                {"status", "pipelineSpec"}, {"spec", "taskSpec"}, {"status", "taskSpec"}}) {
            run.get(root).ifPresent(tree -> collectImages(tree, "", images));
        }
        return images;
    }

    private static void collectImages(Object tree, String path, Map<String, String> images) {
        if (tree instanceof Map<?, ?> map) {
            Object name = map.get("name");
            String here = name instanceof String s && !s.isEmpty() ? (path.isEmpty() ? s : path + "/" + s) : path;
            if (map.get("image") instanceof String image && !image.isEmpty()) {
                images.putIfAbsent(here.isEmpty() ? "(unnamed)" : here, image);
            }
            map.forEach((k, v) -> {
                if (!"image".equals(k)) {
                    collectImages(v, here, images);
                }
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(v -> collectImages(v, path, images));
        }
    }

    private static void diff(String what, Map<String, String> before, Map<String, String> after, List<Change> out) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String b = before.getOrDefault(key, "");
            String a = after.getOrDefault(key, "");
            if (!b.equals(a)) {
                out.add(new Change(what, key, b, a));
            }
        }
    }

    private static Instant startOf(KubeObject run) {
        return run.instant("status", "startedAt").or(() -> run.instant("status", "startTime"))
                .or(run::creationTimestamp).orElse(null);
    }
}
