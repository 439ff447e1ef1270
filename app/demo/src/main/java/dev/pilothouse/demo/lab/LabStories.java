package dev.pilothouse.demo.lab;

import dev.pilothouse.demo.lab.LabTargets.Gpu;
import dev.pilothouse.demo.lab.LabTargets.ModelServer;
import dev.pilothouse.demo.lab.LabTargets.Server;
import java.util.List;
import java.util.Objects;

/**
 * Which targets are in trouble, and how every signal moves. Healthy signals wander around a level that differs per
 * target; the troubled ones hold values that make the lab's rules fire (see {@code lab/rules.yaml}):
 * <ul>
 *   <li>the first vLLM server (in name order) answers slowly: time to first token around 2.5 s, its GPUs' memory
 *       at 97%;</li>
 *   <li>the second vLLM server's KV cache is almost full (about 95%);</li>
 *   <li>the fourth GPU of the first GPU node reported XID 79 (fallen off the bus);</li>
 *   <li>the second GPU of the second GPU node runs hot (86 °C): pending, its rule waits an hour;</li>
 *   <li>the first Triton server fails 7% of its requests;</li>
 *   <li>the new revision of a serverless InferenceService in the middle of a canary fails 4% of its requests
 *       (the stable revision 0.3%) and answers a little slower.</li>
 * </ul>
 * Every model gets its own steady request rate, which its replicas, KServe revisions and Seldon Experiment
 * candidates share as the cluster's objects say.
 */
final class LabStories {

  private final String slowModelPod;
  private final String fullCachePod;
  private final String failingTritonPod;
  private final Gpu xidGpu;
  private final Gpu hotGpu;

  LabStories(LabTargets targets) {
    List<ModelServer> vllm = targets.modelServers().stream().filter(s -> s.server() == Server.VLLM)
        .sorted(java.util.Comparator.comparing(ModelServer::pod)).toList();
    slowModelPod = vllm.isEmpty() ? "" : vllm.getFirst().pod();
    fullCachePod = vllm.size() < 2 ? "" : vllm.get(1).pod();
    failingTritonPod = targets.modelServers().stream().filter(s -> s.server() == Server.TRITON)
        .map(ModelServer::pod).sorted().findFirst().orElse("");
    List<String> gpuNodes = targets.gpus().stream().map(Gpu::node).distinct().toList();
    xidGpu = gpuNodes.isEmpty() ? null : gpu(targets, gpuNodes.getFirst(), 3);
    hotGpu = gpuNodes.size() < 2 ? null : gpu(targets, gpuNodes.get(1), 1);
  }

  private static Gpu gpu(LabTargets targets, String node, int index) {
    return targets.gpus().stream().filter(g -> g.node().equals(node) && g.index() == index).findFirst().orElse(null);
  }

  /** A smooth, target-specific wander in [-1, 1]: the same target always moves the same way. */
  static double wave(String target, double seconds) {
    double phase = (target.hashCode() & 0xffff) / 65536.0 * Math.PI * 2;
    return 0.6 * Math.sin(seconds / 47.0 + phase) + 0.4 * Math.sin(seconds / 11.0 + 2 * phase);
  }

  boolean slow(ModelServer s) {
    return s.pod().equals(slowModelPod);
  }

  boolean cacheFull(ModelServer s) {
    return s.pod().equals(fullCachePod);
  }

  boolean failing(ModelServer s) {
    return s.pod().equals(failingTritonPod);
  }

  /** The requests per second a model gets in all, between 40 and 160, fixed per model. */
  double requestsPerSecond(String model) {
    return 40 + Math.floorMod(model.hashCode(), 121);
  }

  /** The share of a KServe predictor's requests that fail (5xx). */
  double errorRatio(ModelServer s) {
    return s.canary() ? 0.04 : 0.003;
  }

  boolean xid(Gpu gpu) {
    return Objects.equals(gpu, xidGpu);
  }

  boolean hot(Gpu gpu) {
    return Objects.equals(gpu, hotGpu);
  }

  /** Whether the GPU belongs to the slow model server (whose memory is nearly full). */
  boolean memoryFull(Gpu gpu) {
    return !slowModelPod.isEmpty() && gpu.pod().equals(slowModelPod);
  }
}
