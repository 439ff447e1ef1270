package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs (one pod, with the outcome from {@link DemoAnnotations#OUTCOME}) and Argo Workflows (a pod for every
 * {@code Pod} node of the authored status, in that node's phase, with Argo's labels and annotations, unless the
 * workflow's pod GC strategy has already deleted it).
 */
final class BatchMaterializer {

  private final MaterializeContext ctx;

  BatchMaterializer(MaterializeContext ctx) {
    this.ctx = ctx;
  }

  void job(Job job) {
    ctx.ensureUid(job);
    String uid = job.getMetadata().getUid();
    String name = job.getMetadata().getName();
    String namespace = job.getMetadata().getNamespace();
    var annotations = DeploymentMaterializer.annotations(job.getMetadata());
    String outcome = annotations.getOrDefault(DemoAnnotations.OUTCOME, "succeeded");
    annotations.remove(DemoAnnotations.OUTCOME);
    Map<String, String> jobLabels = Map.of("batch.kubernetes.io/controller-uid", uid,
        "batch.kubernetes.io/job-name", name, "controller-uid", uid, "job-name", name);
    PodTemplateSpec template = job.getSpec().getTemplate();
    DeploymentMaterializer.labels(template.getMetadata()).putAll(jobLabels);
    job.getSpec().setSelector(new LabelSelectorBuilder().withMatchLabels(
        Map.of("batch.kubernetes.io/controller-uid", uid)).build());
    if (job.getSpec().getBackoffLimit() == null) {
      job.getSpec().setBackoffLimit(0);
    }
    Instant start = ctx.created(job).plusSeconds(2);
    Instant end = start.plus(Duration.ofMinutes(outcome.equals("oom-killed") ? 47 : 38));
    if (end.isAfter(ctx.now)) {
      end = ctx.now.minusSeconds(60);
    }
    OwnerReference owner = PodFactory.controllerRef("batch/v1", "Job", name, uid);
    String podName = PodFactory.generatedName(name, ctx.random);
    Pod pod = PodFactory.fromTemplate(template, podName, namespace, owner, Map.of(), start);
    pod.getMetadata().setUid(ctx.uid("Pod", namespace, podName));
    Optional<Node> node = ctx.placement.place(pod.getSpec());
    JobStatus status = new JobStatus();
    status.setStartTime(Times.format(start));
    List<JobCondition> conditions = new ArrayList<>();
    if (node.isEmpty()) {
      PodFactory.unschedulable(pod, ctx.placement.unschedulableMessage(pod.getSpec()), start);
      status.setActive(1);
    } else if (outcome.equals("running")) {
      ctx.run(pod, node.get(), start.plusSeconds(8));
      status.setActive(1);
      status.setReady(1);
    } else {
      boolean ok = outcome.equals("succeeded");
      int exit = ok ? 0 : outcome.equals("oom-killed") ? 137 : 1;
      String reason = ok ? "Completed" : outcome.equals("oom-killed") ? "OOMKilled" : "Error";
      PodFactory.finished(pod, node.get(), start.plusSeconds(8), end, exit, reason, ctx.nextPodIp(node.get()),
          ctx.random);
      if (ok) {
        status.setSucceeded(1);
        status.setCompletionTime(Times.format(end.plusSeconds(1)));
        conditions.add(jobCondition("SuccessCriteriaMet", null, null, end));
        conditions.add(jobCondition("Complete", null, null, end));
      } else {
        status.setFailed(1);
        String message = "Job has reached the specified backoff limit";
        conditions.add(jobCondition("FailureTarget", "BackoffLimitExceeded", message, end));
        conditions.add(jobCondition("Failed", "BackoffLimitExceeded", message, end));
        ctx.events.add(EventFactory.event(job, "Warning", "BackoffLimitExceeded", message, "job-controller", null,
            null, 1, end, end, ctx.random));
        if (exit == 137) {
          ctx.events.add(EventFactory.event(node.get(), "Warning", "OOMKilling", "Memory cgroup out of memory: "
              + "Killed process " + (3000 + ctx.random.nextInt(9000)) + " (python3) total-vm:1187654320kB, "
              + "anon-rss:1043226112kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:2043112kB oom_score_adj:-997",
              "kernel-monitor", node.get().getMetadata().getName(), null, 1, end, end, ctx.random));
        }
      }
      status.setReady(0);
    }
    status.setTerminating(0);
    status.setConditions(conditions.isEmpty() ? null : conditions);
    job.setStatus(status);
    job.getMetadata().setGeneration(1L);
    ctx.output.add(pod);
    ctx.output.add(job);
  }

  private static JobCondition jobCondition(String type, String reason, String message, Instant at) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(Times.format(at)).withLastTransitionTime(Times.format(at)).build();
  }

  @SuppressWarnings("unchecked")
  void workflow(GenericKubernetesResource workflow) {
    ctx.ensureUid(workflow);
    String name = workflow.getMetadata().getName();
    String namespace = workflow.getMetadata().getNamespace();
    Map<String, Object> spec = ArgoTemplates.effectiveSpec(workflow);
    Map<String, Object> status = (Map<String, Object>) workflow.getAdditionalProperties().getOrDefault("status",
        Map.of());
    Map<String, Object> nodes = (Map<String, Object>) status.getOrDefault("nodes", Map.of());
    String phase = String.valueOf(status.getOrDefault("phase", "Running"));
    var labels = DeploymentMaterializer.labels(workflow.getMetadata());
    labels.put("workflows.argoproj.io/phase", phase);
    boolean completed = !phase.equals("Running") && !phase.equals("Pending");
    if (completed) {
      labels.put("workflows.argoproj.io/completed", "true");
    }
    OwnerReference owner = PodFactory.controllerRef("argoproj.io/v1alpha1", "Workflow", name,
        workflow.getMetadata().getUid());
    for (Map.Entry<String, Object> entry : nodes.entrySet()) {
      Map<String, Object> node = (Map<String, Object>) entry.getValue();
      String nodePhase = String.valueOf(node.get("phase"));
      if (!"Pod".equals(node.get("type")) || nodePhase.equals("Pending") || nodePhase.equals("Omitted")
          || ArgoTemplates.collected(spec, phase, nodePhase)) {
        continue;
      }
      node.putIfAbsent("id", entry.getKey());
      String podName = ArgoTemplates.podName(name, node);
      PodTemplateSpec template = ArgoTemplates.stepPod(workflow, node, completed);
      Pod pod = PodFactory.fromTemplate(template, podName, namespace, owner, Map.of(),
          Times.parse(String.valueOf(node.get("startedAt"))));
      pod.getMetadata().setUid(ctx.uid("Pod", namespace, podName));
      Optional<Node> placed = ctx.placement.place(pod.getSpec());
      if (placed.isEmpty()) {
        continue;
      }
      Instant started = Times.parse(String.valueOf(node.get("startedAt")));
      if (nodePhase.equals("Running")) {
        ctx.run(pod, placed.get(), started);
      } else {
        Instant finished = node.containsKey("finishedAt") ? Times.parse(String.valueOf(node.get("finishedAt")))
            : ctx.now;
        boolean ok = nodePhase.equals("Succeeded");
        PodFactory.finished(pod, placed.get(), started, finished, ok ? 0 : 1, ok ? "Completed" : "Error",
            ctx.nextPodIp(placed.get()), ctx.random);
        // The wait sidecar exits cleanly even when main fails.
        pod.getStatus().getContainerStatuses().stream().filter(c -> c.getName().equals("wait"))
            .forEach(c -> c.setState(PodFactory.terminated(0, "Completed", started, finished)));
      }
      node.put("hostNodeName", placed.get().getMetadata().getName());
      ctx.output.add(pod);
    }
    workflow.getMetadata().setGeneration(1L);
    ctx.output.add(workflow);
  }
}
