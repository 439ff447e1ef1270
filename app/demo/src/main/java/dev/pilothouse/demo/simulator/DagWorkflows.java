package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.ArgoTemplates;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Argo's DAG execution, one tick at a time, shaped like the controller's own node map:
 * <ul>
 *   <li>a task starts (its node appears, {@code Running}, with a pod) once every task it depends on has
 *       succeeded; its node becomes a child of each dependency's outbound node (the root DAG node's, for tasks
 *       without dependencies), so branches run in parallel and join;</li>
 *   <li>a task whose template has a {@code retryStrategy} gets a {@code Retry} node with one {@code Pod} child per
 *       attempt, {@code name(0)}, {@code name(1)}...; a failed attempt is retried up to the limit;</li>
 *   <li>a running task finishes after {@link WorkflowController#TICKS_PER_STEP} ticks, failing when it is the
 *       workflow's fail step; after a failure no new task starts (fail fast), the tasks depending on a failed
 *       one are {@code Omitted}, and once nothing runs any more the workflow ends Failed.</li>
 * </ul>
 * Node ids are Argo's: the workflow's name and the FNV-1a hash of the node's name.
 */
final class DagWorkflows {

  private static final Set<String> DONE = Set.of("Succeeded", "Failed", "Error", "Omitted", "Skipped");

  private final WorkflowPods pods;

  DagWorkflows(WorkflowPods pods) {
    this.pods = pods;
  }

  /** Advances a running DAG workflow by one tick; true when anything changed. */
  boolean advance(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> status) {
    String name = wf.getMetadata().getName();
    Map<String, Object> spec = ArgoTemplates.effectiveSpec(wf);
    List<Map<String, Object>> tasks = ArgoTemplates.dagTasks(spec);
    Map<String, Object> nodes = Nested.child(status, "nodes");
    Map<String, Object> root = Nested.child(nodes, name);
    root.putIfAbsent("id", name);
    boolean changed = finishDuePods(ctx, wf, nodes);
    changed |= settleRetries(ctx, wf, spec, nodes);
    boolean failed = tasks.stream().map(t -> taskNode(nodes, name, t)).anyMatch(n -> n != null
        && ("Failed".equals(n.get("phase")) || "Error".equals(n.get("phase"))));
    // Start or omit tasks until nothing more can happen this tick (an omitted task can omit its dependents).
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map<String, Object> task : tasks) {
        if (taskNode(nodes, name, task) != null) {
          continue;
        }
        List<Map<String, Object>> deps = dependencies(task).stream().map(d -> taskNode(nodes, name, d)).toList();
        if (deps.stream().anyMatch(d -> d == null || !DONE.contains(String.valueOf(d.get("phase"))))) {
          continue;
        }
        boolean satisfied = deps.stream().allMatch(d -> "Succeeded".equals(d.get("phase")));
        if (satisfied && failed) {
          continue;
        }
        Map<String, Object> node = satisfied ? startTask(ctx, wf, spec, nodes, task) : omit(ctx, wf, nodes, task);
        link(nodes, root, deps, node);
        progress = true;
        changed = true;
      }
    }
    boolean running = nodes.values().stream().map(Nested::map)
        .anyMatch(n -> !n.get("id").equals(name) && "Running".equals(n.get("phase")));
    if (!running) {
      Map<String, Object> failedTask = tasks.stream().map(t -> taskNode(nodes, name, t))
          .filter(n -> n != null && ("Failed".equals(n.get("phase")) || "Error".equals(n.get("phase"))))
          .findFirst().orElse(null);
      boolean allDone = tasks.stream().allMatch(t -> taskNode(nodes, name, t) != null);
      if (failedTask != null) {
        WorkflowController.end(wf, status, "Failed", "child '" + failedTask.get("id") + "' failed",
            Times.format(ctx.now));
        changed = true;
      } else if (allDone) {
        root.put("outboundNodes", outboundOfLeaves(nodes, name, tasks));
        WorkflowController.end(wf, status, "Succeeded", null, Times.format(ctx.now));
        changed = true;
      }
    }
    if (changed) {
      progress(status, root, nodes);
    }
    return changed;
  }

  private boolean finishDuePods(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> nodes) {
    boolean changed = false;
    String failStep = WorkflowController.failStep(wf);
    for (Object value : List.copyOf(nodes.values())) {
      Map<String, Object> node = Nested.map(value);
      if ("Pod".equals(node.get("type")) && "Running".equals(node.get("phase")) && pods.due(ctx, wf, node)) {
        boolean fails = task(node).equals(failStep);
        pods.finish(ctx, wf, node, !fails, fails ? "Error (exit code 1)" : null);
        changed = true;
      }
    }
    return changed;
  }

  /** Ends retry nodes whose last attempt ended, or starts their next attempt. */
  private boolean settleRetries(SimulationContext ctx, GenericKubernetesResource wf, Map<String, Object> spec,
      Map<String, Object> nodes) {
    boolean changed = false;
    for (Object value : List.copyOf(nodes.values())) {
      Map<String, Object> retry = Nested.map(value);
      if (!"Retry".equals(retry.get("type")) || !"Running".equals(retry.get("phase"))) {
        continue;
      }
      List<Object> attempts = Nested.list(retry, "children");
      Map<String, Object> last = attempts.isEmpty() ? null : Nested.map(nodes.get(String.valueOf(attempts.getLast())));
      String phase = last == null ? "" : String.valueOf(last.get("phase"));
      if (phase.equals("Succeeded")) {
        retry.put("phase", "Succeeded");
        retry.put("finishedAt", Times.format(ctx.now));
        changed = true;
      } else if (phase.equals("Failed") || phase.equals("Error")) {
        if (attempts.size() <= retryLimit(spec, String.valueOf(retry.get("templateName")))) {
          Map<String, Object> attempt = attempt(wf, retry, attempts.size());
          nodes.put(String.valueOf(attempt.get("id")), attempt);
          attempts.add(attempt.get("id"));
          pods.start(ctx, wf, attempt);
        } else {
          retry.put("phase", "Failed");
          retry.put("finishedAt", Times.format(ctx.now));
          retry.put("message", "No more retries left");
        }
        changed = true;
      }
      retry.put("progress", attempts.stream().filter(id -> DONE.contains(String.valueOf(
          Nested.map(nodes.get(String.valueOf(id))).get("phase")))).count() + "/" + attempts.size());
    }
    return changed;
  }

  private Map<String, Object> startTask(SimulationContext ctx, GenericKubernetesResource wf,
      Map<String, Object> spec, Map<String, Object> nodes, Map<String, Object> task) {
    Map<String, Object> node = node(wf, String.valueOf(task.get("name")), String.valueOf(task.get("template")));
    Object parameters = Nested.map(task.get("arguments")).get("parameters");
    if (parameters != null) {
      node.put("inputs", new LinkedHashMap<>(Map.of("parameters", parameters)));
    }
    nodes.put(String.valueOf(node.get("id")), node);
    if (retryLimit(spec, String.valueOf(task.get("template"))) < 0) {
      node.put("type", "Pod");
      pods.start(ctx, wf, node);
      return node;
    }
    node.put("type", "Retry");
    node.put("phase", "Running");
    node.put("startedAt", Times.format(ctx.now));
    Map<String, Object> attempt = attempt(wf, node, 0);
    nodes.put(String.valueOf(attempt.get("id")), attempt);
    node.put("children", new ArrayList<>(List.of(attempt.get("id"))));
    pods.start(ctx, wf, attempt);
    return node;
  }

  private static Map<String, Object> omit(SimulationContext ctx, GenericKubernetesResource wf,
      Map<String, Object> nodes, Map<String, Object> task) {
    Map<String, Object> node = node(wf, String.valueOf(task.get("name")), String.valueOf(task.get("template")));
    node.put("type", "Skipped");
    node.put("phase", "Omitted");
    node.put("startedAt", Times.format(ctx.now));
    node.put("finishedAt", Times.format(ctx.now));
    node.put("message", "omitted: depends condition not met");
    nodes.put(String.valueOf(node.get("id")), node);
    return node;
  }

  /** A new node of a task, in the workflow's DAG. */
  private static Map<String, Object> node(GenericKubernetesResource wf, String task, String template) {
    String wfName = wf.getMetadata().getName();
    String nodeName = wfName + "." + task;
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", id(wfName, nodeName));
    node.put("name", nodeName);
    node.put("displayName", task);
    node.put("templateName", template);
    node.put("templateScope", "local/" + wfName);
    node.put("boundaryID", wfName);
    return node;
  }

  private static Map<String, Object> attempt(GenericKubernetesResource wf, Map<String, Object> retry, int number) {
    String wfName = wf.getMetadata().getName();
    String nodeName = retry.get("name") + "(" + number + ")";
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", id(wfName, nodeName));
    node.put("name", nodeName);
    node.put("displayName", retry.get("displayName") + "(" + number + ")");
    node.put("type", "Pod");
    node.put("templateName", retry.get("templateName"));
    node.put("templateScope", retry.get("templateScope"));
    node.put("boundaryID", retry.get("boundaryID"));
    if (retry.get("inputs") != null) {
      node.put("inputs", retry.get("inputs"));
    }
    return node;
  }

  /** Adds the new node as a child of each dependency's outbound node, or of the root when it has none. */
  private static void link(Map<String, Object> nodes, Map<String, Object> root, List<Map<String, Object>> deps,
      Map<String, Object> node) {
    if (deps.isEmpty()) {
      Nested.list(root, "children").add(node.get("id"));
      return;
    }
    for (Map<String, Object> dep : deps) {
      for (String outbound : outbound(nodes, dep)) {
        List<Object> children = Nested.list(Nested.map(nodes.get(outbound)), "children");
        if (!children.contains(node.get("id"))) {
          children.add(node.get("id"));
        }
      }
    }
  }

  /** Where a task's dependents hang: its last attempt for a retry node, else the node itself. */
  private static List<String> outbound(Map<String, Object> nodes, Map<String, Object> taskNode) {
    if ("Retry".equals(taskNode.get("type")) && taskNode.get("children") instanceof List<?> attempts
        && !attempts.isEmpty()) {
      return List.of(String.valueOf(attempts.getLast()));
    }
    return List.of(String.valueOf(taskNode.get("id")));
  }

  /** The outbound nodes of the tasks no other task depends on: the DAG's exits. */
  private static List<Object> outboundOfLeaves(Map<String, Object> nodes, String wf,
      List<Map<String, Object>> tasks) {
    List<Object> leaves = new ArrayList<>();
    for (Map<String, Object> task : tasks) {
      boolean dependedOn = tasks.stream().anyMatch(t -> dependencies(t).contains(String.valueOf(task.get("name"))));
      Map<String, Object> node = taskNode(nodes, wf, task);
      if (!dependedOn && node != null) {
        leaves.addAll(outbound(nodes, node));
      }
    }
    return leaves;
  }

  /** Argo's progress: finished pod nodes over all pod nodes. */
  private static void progress(Map<String, Object> status, Map<String, Object> root, Map<String, Object> nodes) {
    long total = 0;
    long done = 0;
    for (Object value : nodes.values()) {
      Map<String, Object> node = Nested.map(value);
      if ("Pod".equals(node.get("type"))) {
        total++;
        if (DONE.contains(String.valueOf(node.get("phase")))) {
          done++;
        }
      }
    }
    status.put("progress", done + "/" + total);
    root.put("progress", done + "/" + total);
  }

  private static @Nullable Map<String, Object> taskNode(Map<String, Object> nodes, String wf,
      Map<String, Object> task) {
    return taskNode(nodes, wf, String.valueOf(task.get("name")));
  }

  private static @Nullable Map<String, Object> taskNode(Map<String, Object> nodes, String wf, String task) {
    Object node = nodes.get(id(wf, wf + "." + task));
    if (node instanceof Map<?, ?>) {
      return Nested.map(node);
    }
    // Nodes authored without Argo's ids: find the task by name.
    return nodes.values().stream().map(Nested::map).filter(n -> (wf + "." + task).equals(n.get("name")))
        .findFirst().orElse(null);
  }

  /** {@code dependencies}, or the task names of a {@code depends} expression ("a && b.Succeeded"). */
  private static List<String> dependencies(Map<String, Object> task) {
    if (task.get("dependencies") instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (task.get("depends") instanceof String depends) {
      List<String> names = new ArrayList<>();
      for (String term : depends.split("&&|\\|\\|")) {
        String t = term.replaceAll("[()!\\s]", "");
        if (!t.isEmpty()) {
          names.add(t.contains(".") ? t.substring(0, t.indexOf('.')) : t);
        }
      }
      return names;
    }
    return List.of();
  }

  /** The task a node belongs to: its display name without an attempt's "(n)". */
  private static String task(Map<String, Object> node) {
    return String.valueOf(node.get("displayName")).replaceAll("\\(\\d+\\)$", "");
  }

  /** The template's retry limit, -1 without a retry strategy. */
  private static int retryLimit(Map<String, Object> spec, String template) {
    Map<String, Object> t = ArgoTemplates.template(spec, template);
    if (t == null || !(t.get("retryStrategy") instanceof Map<?, ?> strategy)) {
      return -1;
    }
    Object limit = strategy.get("limit");
    return limit == null ? Integer.MAX_VALUE : Integer.parseInt(String.valueOf(limit));
  }

  /** Argo's node id: the workflow's name and the 32-bit FNV-1a hash of the node's name. */
  static String id(String workflow, String nodeName) {
    int hash = 0x811c9dc5;
    for (byte b : nodeName.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return workflow + "-" + Integer.toUnsignedString(hash);
  }
}
