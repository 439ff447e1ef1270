package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import dev.pilothouse.demo.apiserver.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Argo's controller reads from a Workflow to run it: the templates (inline in {@code spec}, or, for a run
 * submitted from a WorkflowTemplate, the copy the controller keeps in {@code status.storedWorkflowTemplateSpec}),
 * and the pod it creates for a {@code Pod} node, with Argo's labels, annotations, {@code wait} sidecar and the
 * parameters substituted into the container's arguments.
 */
public final class ArgoTemplates {

  private static final Pattern PARAMETER = Pattern.compile("\\{\\{(workflow|inputs)\\.parameters\\.([\\w-]+)}}");

  private ArgoTemplates() {}

  /** The spec the controller runs: {@code status.storedWorkflowTemplateSpec} when there is one, else the spec. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> effectiveSpec(GenericKubernetesResource workflow) {
    Map<String, Object> status = map(workflow.getAdditionalProperties().get("status"));
    if (status.get("storedWorkflowTemplateSpec") instanceof Map<?, ?> stored) {
      return (Map<String, Object>) stored;
    }
    return map(workflow.getAdditionalProperties().get("spec"));
  }

  /** The template of that name, or null. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> template(Map<String, Object> spec, String name) {
    for (Object t : list(spec.get("templates"))) {
      if (t instanceof Map<?, ?> template && name.equals(template.get("name"))) {
        return (Map<String, Object>) template;
      }
    }
    return null;
  }

  /** The entrypoint's DAG tasks, or empty when the entrypoint is not a DAG (steps, or a single container). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> dagTasks(Map<String, Object> spec) {
    Map<String, Object> entry = template(spec, String.valueOf(spec.get("entrypoint")));
    if (entry == null || !(entry.get("dag") instanceof Map<?, ?> dag)) {
      return List.of();
    }
    return list(dag.get("tasks")).stream().filter(Map.class::isInstance).map(t -> (Map<String, Object>) t)
        .toList();
  }

  /**
   * The pod of a {@code Pod} node: Argo's {@code wait} sidecar and the template's container as {@code main}.
   *
   * @param node the node of {@code status.nodes}; its {@code inputs.parameters} fill {@code {{inputs.parameters.x}}}
   */
  @SuppressWarnings("unchecked")
  public static PodTemplateSpec stepPod(GenericKubernetesResource workflow, Map<String, Object> node,
      boolean completed) {
    Map<String, Object> spec = effectiveSpec(workflow);
    String templateName = String.valueOf(node.get("templateName"));
    Map<String, Object> template = template(spec, templateName);
    Map<String, Object> container = template != null && template.get("container") instanceof Map<?, ?> c
        ? (Map<String, Object>) c : Map.of();
    Map<String, String> parameters = parameters(spec, node);
    String image = String.valueOf(container.getOrDefault("image", "python:3.11-slim"));
    List<String> command = container.get("command") instanceof List<?> cmd
        ? cmd.stream().map(String::valueOf).toList() : List.of("python", "/app/" + templateName + ".py");
    List<String> args = list(container.get("args")).stream().map(a -> substitute(String.valueOf(a), parameters))
        .toList();
    String name = workflow.getMetadata().getName();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("workflows.argoproj.io/workflow", name);
    labels.put("workflows.argoproj.io/completed", String.valueOf(completed));
    Map<String, String> workflowLabels = workflow.getMetadata().getLabels() == null ? Map.of()
        : workflow.getMetadata().getLabels();
    if (workflowLabels.containsKey("pipeline/runid")) {
      // Kubeflow Pipelines marks the pods of its components.
      labels.put("pipelines.kubeflow.org/v2_component", "true");
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("workflows.argoproj.io/node-id", String.valueOf(node.get("id")));
    annotations.put("workflows.argoproj.io/node-name", String.valueOf(node.get("name")));
    annotations.put("kubectl.kubernetes.io/default-container", "main");
    ContainerBuilder main = new ContainerBuilder().withName("main").withImage(image).withCommand(command)
        .withArgs(args);
    if (container.get("resources") instanceof Map<?, ?> resources) {
      main.withResources(Json.KUBERNETES.convertValue(resources, ResourceRequirements.class));
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(labels).withAnnotations(annotations).endMetadata()
        .withNewSpec()
          .addToContainers(new ContainerBuilder().withName("wait").withImage("quay.io/argoproj/argoexec:v3.6.2")
              .withCommand("argoexec", "wait").build())
          .addToContainers(main.build())
          .withServiceAccountName(String.valueOf(spec.getOrDefault("serviceAccountName", "argo-workflow")))
          .withRestartPolicy("Never")
        .endSpec()
        .build();
  }

  /** The pod's name, as Argo's v2 pod names: workflow, template and the node id's hash. */
  public static String podName(String workflow, Map<String, Object> node) {
    String id = String.valueOf(node.get("id"));
    return workflow + "-" + node.get("templateName") + "-" + id.substring(id.lastIndexOf('-') + 1);
  }

  /** Whether the workflow's pod GC strategy has removed a finished pod of this phase. */
  public static boolean collected(Map<String, Object> spec, String workflowPhase, String podPhase) {
    String strategy = String.valueOf(map(spec.get("podGC")).getOrDefault("strategy", ""));
    return switch (strategy) {
      case "OnPodCompletion" -> podPhase.equals("Succeeded") || podPhase.equals("Failed");
      case "OnPodSuccess" -> podPhase.equals("Succeeded");
      case "OnWorkflowCompletion" -> workflowPhase.equals("Succeeded") || workflowPhase.equals("Failed")
          || workflowPhase.equals("Error");
      case "OnWorkflowSuccess" -> workflowPhase.equals("Succeeded");
      default -> false;
    };
  }

  private static Map<String, String> parameters(Map<String, Object> spec, Map<String, Object> node) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Object p : list(map(spec.get("arguments")).get("parameters"))) {
      Map<String, Object> parameter = map(p);
      values.put("workflow." + parameter.get("name"), String.valueOf(parameter.get("value")));
    }
    for (Object p : list(map(node.get("inputs")).get("parameters"))) {
      Map<String, Object> parameter = map(p);
      values.put("inputs." + parameter.get("name"), String.valueOf(parameter.get("value")));
    }
    return values;
  }

  private static String substitute(String text, Map<String, String> parameters) {
    Matcher m = PARAMETER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = parameters.getOrDefault(m.group(1) + "." + m.group(2), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(@Nullable Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
