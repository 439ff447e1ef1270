package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pod Tekton creates for a TaskRun: one {@code step-<name>} container per step of the task (the entrypoint
 * binary runs them one after the other), Tekton's labels copied from the TaskRun plus {@code tekton.dev/taskRun}.
 */
public final class TektonPods {

  private TektonPods() {}

  /** The task's steps: the resolved {@code status.taskSpec}, else the inline {@code spec.taskSpec}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> steps(GenericKubernetesResource taskRun) {
    Map<String, Object> taskSpec = map(map(taskRun.getAdditionalProperties().get("status")).get("taskSpec"));
    if (taskSpec.isEmpty()) {
      taskSpec = map(map(taskRun.getAdditionalProperties().get("spec")).get("taskSpec"));
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    if (taskSpec.get("steps") instanceof List<?> list) {
      list.stream().filter(Map.class::isInstance).forEach(s -> steps.add((Map<String, Object>) s));
    }
    return steps;
  }

  public static PodTemplateSpec template(GenericKubernetesResource taskRun) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> own = taskRun.getMetadata().getLabels() == null ? Map.of()
        : taskRun.getMetadata().getLabels();
    own.forEach((k, v) -> {
      if (k.startsWith("tekton.dev/") || k.equals("app.kubernetes.io/managed-by")) {
        labels.put(k, v);
      }
    });
    labels.put("app.kubernetes.io/managed-by", "tekton-pipelines");
    labels.put("tekton.dev/taskRun", taskRun.getMetadata().getName());
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("pipeline.tekton.dev/release", "v0.65.2");
    annotations.put("tekton.dev/ready", "READY");
    List<Container> containers = new ArrayList<>();
    List<Map<String, Object>> steps = steps(taskRun);
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = steps.get(i);
      List<String> args = new ArrayList<>(List.of("-post_file", "/tekton/run/" + i + "/out", "-termination_path",
          "/tekton/termination", "-step_metadata_dir", "/tekton/run/" + i + "/status", "-entrypoint"));
      if (step.get("script") != null) {
        args.add("/tekton/scripts/script-" + i);
        args.add("--");
      } else {
        List<?> command = step.get("command") instanceof List<?> c && !c.isEmpty() ? c : List.of("/ko-app/entrypoint");
        args.add(String.valueOf(command.getFirst()));
        args.add("--");
        command.stream().skip(1).forEach(a -> args.add(String.valueOf(a)));
        if (step.get("args") instanceof List<?> stepArgs) {
          stepArgs.forEach(a -> args.add(String.valueOf(a)));
        }
      }
      containers.add(new ContainerBuilder().withName("step-" + step.get("name"))
          .withImage(String.valueOf(step.getOrDefault("image", "cgr.dev/chainguard/busybox")))
          .withCommand("/tekton/bin/entrypoint").withArgs(args).build());
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
        .withNewSpec().withRestartPolicy("Never").withContainers(containers)
          .withServiceAccountName(String.valueOf(map(taskRun.getAdditionalProperties().get("spec"))
              .getOrDefault("serviceAccountName", "default")))
        .endSpec()
        .build();
  }

  /** The status of the {@code Succeeded} condition: True, False or Unknown (also when there is none yet). */
  @SuppressWarnings("unchecked")
  public static String succeeded(Map<String, Object> status) {
    if (status.get("conditions") instanceof List<?> conditions) {
      for (Object c : conditions) {
        if (c instanceof Map<?, ?> condition && "Succeeded".equals(condition.get("type"))) {
          return String.valueOf(((Map<String, Object>) condition).getOrDefault("status", "Unknown"));
        }
      }
    }
    return "Unknown";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
