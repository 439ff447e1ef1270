package dev.pilothouse.demo.lab;

import dev.pilothouse.demo.lab.LabTargets.Gpu;
import dev.pilothouse.demo.lab.LabTargets.ModelServer;
import dev.pilothouse.demo.lab.LabTargets.PricedNode;
import dev.pilothouse.demo.lab.LabTargets.SeldonModel;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The metric families of the lab, registered once, and how one tick moves them. Triton's and Knative's counters are
 * exported as gauges because the client library would append {@code _total} to a counter's name, and their names
 * have none. Request counts are whole numbers; the fractions of a tick's rate carry over to the next tick, so error
 * ratios hold exactly over a rate window.
 */
final class LabMetrics {

  private static final double GPU_MEMORY_MIB = 81_920;
  private static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
      1.0, 2.5, 5.0, 7.5, 10.0};
  private static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
      50.0, 60.0};
  private static final double[] PREDICT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
  /** Knative's request latency buckets, in milliseconds. */
  private static final double[] REVISION_LATENCY_BUCKETS_MS = {5, 10, 20, 40, 60, 80, 100, 150, 200, 250, 300, 350,
      400, 450, 500, 600, 700, 800, 900, 1000, 2000, 5000, 10000, 20000, 50000, 100000};
  private static final double[] SELDON_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Gauge gpuUtil;
  private final Gauge fbUsed;
  private final Gauge fbFree;
  private final Gauge gpuTemp;
  private final Gauge power;
  private final Gauge xid;
  private final Gauge engineActive;
  private final Gauge running;
  private final Gauge waiting;
  private final Gauge kvCache;
  private final Counter promptTokens;
  private final Counter generationTokens;
  private final Counter preemptions;
  private final Histogram ttft;
  private final Histogram e2e;
  private final Gauge tritonSuccess;
  private final Gauge tritonFailure;
  private final Gauge tritonDuration;
  private final Gauge tritonQueue;
  private final Gauge tritonPending;
  private final Gauge tgiQueue;
  private final Gauge tgiBatch;
  private final Histogram tgiDuration;
  private final Histogram predict;
  private final Gauge revisionRequests;
  private final Histogram revisionLatencies;
  private final Gauge revisionQueueDepth;
  private final Counter seldonInfer;
  private final Histogram seldonLatency;
  private final Map<String, Double> carried = new HashMap<>();
  private final Gauge nodeGpuCost;
  private final Gauge nodeTotalCost;
  private final Gauge gpuAllocation;

  LabMetrics(PrometheusRegistry registry) {
    String[] gpuLabels = {"gpu", "UUID", "modelName", "Hostname", "namespace", "pod", "container"};
    gpuUtil = gauge(registry, "DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", gpuLabels);
    fbUsed = gauge(registry, "DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).", gpuLabels);
    fbFree = gauge(registry, "DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).", gpuLabels);
    gpuTemp = gauge(registry, "DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", gpuLabels);
    power = gauge(registry, "DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", gpuLabels);
    xid = gauge(registry, "DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered.", gpuLabels);
    engineActive = gauge(registry, "DCGM_FI_PROF_GR_ENGINE_ACTIVE", "Ratio of time the graphics engine is active.",
        gpuLabels);
    String[] vllm = {"model_name", "namespace", "pod"};
    running = gauge(registry, "vllm:num_requests_running", "Number of requests currently running on GPU.", vllm);
    waiting = gauge(registry, "vllm:num_requests_waiting", "Number of requests waiting to be processed.", vllm);
    kvCache = gauge(registry, "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", vllm);
    promptTokens = Counter.builder().name("vllm:prompt_tokens_total").help("Number of prefill tokens processed.")
        .labelNames(vllm).register(registry);
    generationTokens = Counter.builder().name("vllm:generation_tokens_total")
        .help("Number of generation tokens processed.").labelNames(vllm).register(registry);
    preemptions = Counter.builder().name("vllm:num_preemptions_total").help("Cumulative number of preemptions.")
        .labelNames(vllm).register(registry);
    ttft = Histogram.builder().name("vllm:time_to_first_token_seconds").help("Histogram of time to first token.")
        .classicOnly().classicUpperBounds(TTFT_BUCKETS).labelNames(vllm).register(registry);
    e2e = Histogram.builder().name("vllm:e2e_request_latency_seconds").help("Histogram of end to end request latency.")
        .classicOnly().classicUpperBounds(E2E_BUCKETS).labelNames(vllm).register(registry);
    String[] triton = {"model", "version", "namespace", "pod"};
    tritonSuccess = gauge(registry, "nv_inference_request_success", "Number of successful inference requests.", triton);
    tritonFailure = gauge(registry, "nv_inference_request_failure", "Number of failed inference requests.", triton);
    tritonDuration = gauge(registry, "nv_inference_request_duration_us", "Cumulative request duration (us).", triton);
    tritonQueue = gauge(registry, "nv_inference_queue_duration_us", "Cumulative queue duration (us).", triton);
    tritonPending = gauge(registry, "nv_inference_pending_request_count", "Pending requests.", triton);
    String[] tgi = {"namespace", "pod"};
    tgiQueue = gauge(registry, "tgi_queue_size", "Requests waiting in the queue.", tgi);
    tgiBatch = gauge(registry, "tgi_batch_current_size", "Current batch size.", tgi);
    tgiDuration = Histogram.builder().name("tgi_request_duration").help("Request duration (s).").classicOnly()
        .classicUpperBounds(E2E_BUCKETS).labelNames(tgi).register(registry);
    predict = Histogram.builder().name("request_predict_seconds").help("Predict latency (s).").classicOnly()
        .classicUpperBounds(PREDICT_BUCKETS).labelNames("model_name", "namespace", "pod").register(registry);
    // Knative's queue-proxy, next to each serverless predictor; namespace and pod come from the scrape target.
    String[] queueProxy = {"namespace_name", "configuration_name", "service_name", "revision_name", "pod_name",
        "container_name", "response_code", "response_code_class", "namespace", "pod"};
    revisionRequests = gauge(registry, "revision_app_request_count", "The number of requests that are routed to "
        + "queue-proxy.", queueProxy);
    revisionLatencies = Histogram.builder().name("revision_app_request_latencies").help("The response time in "
        + "millisecond.").classicOnly().classicUpperBounds(REVISION_LATENCY_BUCKETS_MS).labelNames(queueProxy)
        .register(registry);
    revisionQueueDepth = gauge(registry, "revision_queue_depth", "The current number of items in the serving and "
        + "waiting queue.", "namespace_name", "configuration_name", "service_name", "revision_name", "pod_name",
        "container_name", "namespace", "pod");
    // Seldon's agent, next to each server replica.
    String[] seldon = {"model", "model_internal", "server", "server_replica", "method_type", "code", "namespace",
        "pod"};
    seldonInfer = Counter.builder().name("seldon_model_infer_total").help("A count of server inference calls.")
        .labelNames(seldon).register(registry);
    seldonLatency = Histogram.builder().name("seldon_model_infer_api_seconds").help("A histogram of latencies for "
        + "inference server.").classicOnly().classicUpperBounds(SELDON_BUCKETS).labelNames(seldon)
        .register(registry);
    nodeGpuCost = gauge(registry, "node_gpu_hourly_cost", "Hourly cost of one GPU of the node.", "node", "instance");
    nodeTotalCost = gauge(registry, "node_total_hourly_cost", "Hourly cost of the node.", "node", "instance");
    gpuAllocation = gauge(registry, "container_gpu_allocation", "GPUs allocated to the container.",
        "namespace", "pod", "container", "node");
  }

  private static Gauge gauge(PrometheusRegistry registry, String name, String help, String... labels) {
    return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
  }

  void gpu(Gpu g, LabStories stories, double t, RandomGenerator random) {
    String[] labels = {Integer.toString(g.index()), g.uuid(), g.product(), g.node(), g.namespace(), g.pod(),
        g.container()};
    String id = g.node() + g.index();
    boolean busy = !g.pod().isEmpty();
    double w = LabStories.wave(id, t);
    double util = busy ? clamp(62 + 25 * w + random.nextGaussian() * 3, 5, 100) : random.nextDouble() * 2;
    if (stories.memoryFull(g)) {
      util = clamp(97 + random.nextGaussian(), 90, 100);
    }
    double used = busy ? 52_000 + 9_000 * w : 420;
    if (stories.memoryFull(g)) {
      used = GPU_MEMORY_MIB * 0.975;
    }
    double temp = busy ? 61 + 7 * w : 33 + w;
    if (stories.hot(g)) {
      temp = 86 + 0.5 * w;
    }
    gpuUtil.labelValues(labels).set(Math.round(util));
    fbUsed.labelValues(labels).set(Math.round(used));
    fbFree.labelValues(labels).set(Math.round(GPU_MEMORY_MIB - used));
    gpuTemp.labelValues(labels).set(Math.round(temp));
    power.labelValues(labels).set(busy ? 90 + util * 2.9 : 58 + random.nextDouble() * 4);
    xid.labelValues(labels).set(stories.xid(g) ? 79 : 0);
    engineActive.labelValues(labels).set(util / 100);
  }

  void modelServer(ModelServer s, LabStories stories, double t, RandomGenerator random) {
    double w = LabStories.wave(s.pod(), t);
    switch (s.server()) {
      case VLLM -> vllm(s, stories, w, random);
      case TRITON -> triton(s, stories, w, random);
      case TGI -> {
        tgiQueue.labelValues(s.namespace(), s.pod()).set(Math.max(0, Math.round(2 + 2 * w)));
        tgiBatch.labelValues(s.namespace(), s.pod()).set(Math.round(8 + 4 * w));
        observe(tgiDuration.labelValues(s.namespace(), s.pod()), 1.2, 0.35, 12, random);
      }
      case KSERVE -> kserve(s, stories, w, random);
    }
  }

  /**
   * A KServe predictor pod: its model server's predict latency, and for a serverless one its queue-proxy's
   * requests (2xx and 5xx), latencies and queue depth, all in proportion to the pod's share of the traffic.
   */
  private void kserve(ModelServer s, LabStories stories, double w, RandomGenerator random) {
    double requests = stories.requestsPerSecond(s.model()) * s.share() * (1 + 0.1 * w);
    int errors = take("5xx/" + s.pod(), requests * stories.errorRatio(s));
    int ok = take("2xx/" + s.pod(), requests * (1 - stories.errorRatio(s)));
    observe(predict.labelValues(s.model(), s.namespace(), s.pod()), s.canary() ? 0.041 : 0.03, 0.4, ok, random);
    if (s.revision().isEmpty()) {
      return;
    }
    String configuration = s.revision().replaceFirst("-\\d+$", "");
    String[] okLabels = {s.namespace(), configuration, configuration, s.revision(), s.pod(), "queue-proxy", "200",
        "2xx", s.namespace(), s.pod()};
    String[] errorLabels = {s.namespace(), configuration, configuration, s.revision(), s.pod(), "queue-proxy",
        "500", "5xx", s.namespace(), s.pod()};
    revisionRequests.labelValues(okLabels).inc(ok);
    revisionRequests.labelValues(errorLabels).inc(errors);
    observe(revisionLatencies.labelValues(okLabels), s.canary() ? 47 : 35, 0.35, ok, random);
    observe(revisionLatencies.labelValues(errorLabels), 12, 0.5, errors, random);
    revisionQueueDepth.labelValues(s.namespace(), configuration, configuration, s.revision(), s.pod(),
        "queue-proxy", s.namespace(), s.pod()).set(Math.max(0, Math.round(requests * 0.04 * (1 + w))));
  }

  /** A model on a Seldon server replica, as its agent counts it: calls by response code, and their latency. */
  void seldon(SeldonModel m, LabStories stories, double t, RandomGenerator random) {
    double requests = stories.requestsPerSecond(m.model()) * m.share() * (1 + 0.1 * LabStories.wave(m.pod()
        + m.model(), t));
    int errors = take("seldon-500/" + m.pod() + "/" + m.model(), requests * 0.004);
    int ok = take("seldon-200/" + m.pod() + "/" + m.model(), requests * 0.996);
    String internal = m.model() + "_" + m.version();
    String replica = Integer.toString(m.replica());
    String[] okLabels = {m.model(), internal, m.server(), replica, "rest", "200", m.namespace(), m.pod()};
    String[] errorLabels = {m.model(), internal, m.server(), replica, "rest", "500", m.namespace(), m.pod()};
    seldonInfer.labelValues(okLabels).inc(ok);
    seldonInfer.labelValues(errorLabels).inc(errors);
    observe(seldonLatency.labelValues(okLabels), 0.011, 0.35, ok, random);
    observe(seldonLatency.labelValues(errorLabels), 0.004, 0.5, errors, random);
  }

  /** The whole number of events in {@code amount}; the fraction left over is added to the next call's amount. */
  private int take(String key, double amount) {
    double total = carried.getOrDefault(key, 0.0) + Math.max(0, amount);
    int whole = (int) Math.floor(total);
    carried.put(key, total - whole);
    return whole;
  }

  private void vllm(ModelServer s, LabStories stories, double w, RandomGenerator random) {
    String[] labels = {s.model(), s.namespace(), s.pod()};
    boolean slow = stories.slow(s);
    running.labelValues(labels).set(slow ? 48 : Math.round(9 + 6 * w));
    waiting.labelValues(labels).set(slow ? Math.round(32 + 6 * w) : Math.max(0, Math.round(w * 2)));
    kvCache.labelValues(labels).set(stories.cacheFull(s) ? 0.955 + 0.015 * w : 0.42 + 0.18 * w);
    promptTokens.labelValues(labels).inc(Math.round(2_200 + 800 * w));
    generationTokens.labelValues(labels).inc(Math.round(650 + 250 * w));
    if (stories.cacheFull(s)) {
      preemptions.labelValues(labels).inc(random.nextInt(2));
    }
    observe(ttft.labelValues(labels), slow ? 2.6 : 0.16, 0.3, 10, random);
    observe(e2e.labelValues(labels), slow ? 9.5 : 2.8, 0.35, 10, random);
  }

  private void triton(ModelServer s, LabStories stories, double w, RandomGenerator random) {
    String[] labels = {s.model(), "1", s.namespace(), s.pod()};
    double ok = Math.round(120 + 40 * w);
    double failed = stories.failing(s) ? Math.round(ok * 0.08) : (random.nextInt(50) == 0 ? 1 : 0);
    tritonSuccess.labelValues(labels).inc(ok);
    tritonFailure.labelValues(labels).inc(failed);
    tritonDuration.labelValues(labels).inc(ok * (8_000 + 2_000 * w));
    tritonQueue.labelValues(labels).inc(ok * 400);
    tritonPending.labelValues(labels).set(Math.max(0, Math.round(1 + 2 * w)));
  }

  void cost(PricedNode node) {
    nodeTotalCost.labelValues(node.name(), node.name()).set(node.hourlyCost());
    if (node.gpus() > 0) {
      nodeGpuCost.labelValues(node.name(), node.name()).set(node.gpuHourlyCost());
    }
  }

  void allocation(Gpu gpu, int gpusOfPod) {
    gpuAllocation.labelValues(gpu.namespace(), gpu.pod(), gpu.container(), gpu.node()).set(gpusOfPod);
  }

  /** Observes {@code count} latencies around a median, log-normally spread, as request latencies are. */
  private static void observe(io.prometheus.metrics.core.datapoints.DistributionDataPoint histogram, double median,
                              double spread, int count, RandomGenerator random) {
    for (int i = 0; i < count; i++) {
      histogram.observe(median * Math.exp(random.nextGaussian() * spread));
    }
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }
}
