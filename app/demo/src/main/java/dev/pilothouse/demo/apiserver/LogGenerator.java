package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Plausible container logs, generated from what the pod says about itself: vLLM, Triton and TGI servers log their
 * start-up and then requests, trainers log steps and epochs, an OOM-killed trainer stops mid-sentence, a
 * crash-looping container dies with a stack trace (a KServe model server cannot find its model, an MCP server's
 * upstream rejects its token), Argo and Tekton steps log their work ({@link StepLogs}), anything else logs like a
 * controller.
 *
 * <p>Deterministic: the same pod, container and time give the same lines, and a later call only appends lines, so
 * repeated reads and {@code tailLines} behave as on a real node.
 */
final class LogGenerator {

  record Line(Instant time, String text) {}

  enum Workload { VLLM, TRITON, TGI, TRAINER, ARGO_STEP, ARGO_WAIT, TEKTON_STEP, CRASHING, GENERIC }

  private static final int MAX_PERIODIC_LINES = 500;
  private static final DateTimeFormatter VLLM_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GLOG_TIME =
      DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter PY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  private LogGenerator() {}

  /**
   * Lines of one container instance.
   *
   * @param instance the container status entry
   * @param previous whether the previous (terminated) instance is wanted
   */
  static List<Line> lines(JsonNode pod, JsonNode container, JsonNode instance, boolean previous, Instant now) {
    JsonNode state = previous ? instance.path("lastState") : instance.path("state");
    JsonNode terminated = state.path("terminated");
    boolean crashLooping = instance.path("state").path("waiting").path("reason").asText().equals("CrashLoopBackOff");
    Instant start = time(state.path("running").path("startedAt"), time(terminated.path("startedAt"), null));
    Instant end = time(terminated.path("finishedAt"), null);
    if (crashLooping && !previous) {
      // A crash-looping container's current log is that of its last run.
      terminated = instance.path("lastState").path("terminated");
      start = time(terminated.path("startedAt"), null);
      end = time(terminated.path("finishedAt"), null);
    }
    if (start == null) {
      start = time(pod.path("status").path("startTime"), now.minus(Duration.ofMinutes(10)));
    }
    if (end == null || end.isAfter(now)) {
      end = now;
    }
    String reason = terminated.path("reason").asText("");
    long seed = (pod.path("metadata").path("name").asText() + "/" + container.path("name").asText() + "/"
        + instance.path("restartCount").asInt() + (previous ? "/previous" : "")).hashCode();
    Workload workload = detect(pod, container, reason, crashLooping || (previous && reason.equals("Error")));
    Generator g = new Generator(pod, container, start, end, end.isBefore(now), seed);
    switch (workload) {
      case VLLM -> g.vllm();
      case TRITON -> g.triton();
      case TGI -> g.tgi();
      case TRAINER -> g.trainer(reason.equals("OOMKilled"));
      case ARGO_STEP -> StepLogs.argo(g, reason.equals("Error") || terminated.path("exitCode").asInt() != 0);
      case ARGO_WAIT -> g.argoWait();
      case TEKTON_STEP -> StepLogs.tekton(g, terminated.path("exitCode").asInt() != 0);
      case CRASHING -> g.crash();
      case GENERIC -> g.generic();
    }
    return g.lines;
  }

  static Workload detect(JsonNode pod, JsonNode container, String terminationReason, boolean crashing) {
    String image = container.path("image").asText("").toLowerCase(Locale.ROOT);
    JsonNode labels = pod.path("metadata").path("labels");
    String server = labels.path("ai.gke.io/inference-server").asText("");
    String component = labels.path("app.kubernetes.io/component").asText("");
    if (labels.has("workflows.argoproj.io/workflow")) {
      return container.path("name").asText().equals("wait") ? Workload.ARGO_WAIT : Workload.ARGO_STEP;
    }
    if (labels.has("tekton.dev/taskRun")) {
      return Workload.TEKTON_STEP;
    }
    if (terminationReason.equals("OOMKilled") || component.equals("trainer") || labels.has("job-name")
        && (image.contains("train") || image.contains("pytorch"))) {
      return Workload.TRAINER;
    }
    if (crashing) {
      return Workload.CRASHING;
    }
    if (server.equals("vllm") || image.contains("vllm")) {
      return Workload.VLLM;
    }
    if (server.equals("triton") || image.contains("tritonserver")) {
      return Workload.TRITON;
    }
    if (server.equals("tgi") || image.contains("text-generation-inference")) {
      return Workload.TGI;
    }
    return Workload.GENERIC;
  }

  private static @Nullable Instant time(JsonNode node, @Nullable Instant fallback) {
    if (!node.isTextual()) {
      return fallback;
    }
    try {
      return Instant.parse(node.asText());
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  /** Builds the lines of one container run. */
  static final class Generator {
    final List<Line> lines = new ArrayList<>();
    final JsonNode pod;
    final JsonNode container;
    final Instant start;
    final Instant end;
    /** The run is over: its last lines are squeezed into its lifetime instead of being in the future. */
    final boolean finished;
    final long seed;
    final Random random;
    Instant cursor;

    Generator(JsonNode pod, JsonNode container, Instant start, Instant end, boolean finished, long seed) {
      this.pod = pod;
      this.container = container;
      this.start = start;
      this.end = end;
      this.finished = finished;
      this.seed = seed;
      this.random = new Random(seed);
      this.cursor = start;
    }

    void at(long millisLater, String text) {
      at(millisLater, t -> text);
    }

    /** Adds a line {@code millisLater} after the previous one; the text may show its own time. */
    void at(long millisLater, java.util.function.Function<Instant, String> text) {
      cursor = cursor.plusMillis(millisLater);
      if (cursor.isAfter(end) && finished) {
        cursor = end;
      }
      if (!cursor.isAfter(end)) {
        lines.add(new Line(cursor, text.apply(cursor)));
      }
    }

    /** Calls {@code line} for regular time slots up to the end; each slot has its own seeded random. */
    void periodic(Duration every, SlotLine line) {
      long total = Duration.between(cursor, end).toMillis() / every.toMillis();
      long first = Math.max(0, total - MAX_PERIODIC_LINES);
      Instant base = cursor;
      for (long k = first; k < total; k++) {
        Instant t = base.plus(every.multipliedBy(k + 1));
        Random r = new Random(seed * 31 + k);
        lines.add(new Line(t.plusMillis(r.nextInt((int) Math.max(1, every.toMillis() / 2))), line.text(t, r)));
      }
    }

    interface SlotLine {
      String text(Instant t, Random r);
    }

    String model() {
      JsonNode labels = pod.path("metadata").path("labels");
      String fromArgs = argument("--model");
      if (fromArgs == null) {
        fromArgs = argument("--model-id");
      }
      if (fromArgs == null) {
        fromArgs = argument("--model_name");
      }
      if (fromArgs != null) {
        return fromArgs;
      }
      return labels.path("ai.gke.io/model").asText(labels.path("app.kubernetes.io/name").asText("model"));
    }

    /** The value of a command-line flag ({@code --flag value} or {@code --flag=value}), or null. */
    @Nullable String argument(String flag) {
      JsonNode args = container.path("args");
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i).asText();
        if (a.equals(flag) && i + 1 < args.size()) {
          return args.get(i + 1).asText();
        }
        if (a.startsWith(flag + "=")) {
          return a.substring(flag.length() + 1);
        }
      }
      return null;
    }

    static java.util.function.Function<Instant, String> v(String file, String text) {
      return t -> "INFO " + VLLM_TIME.format(t) + " " + file + "] " + text;
    }

    void vllm() {
      String model = model();
      at(0, v("api_server.py:585", "vLLM API server version 0.6.4.post1"));
      at(3, v("api_server.py:586", "args: Namespace(host=None, port=8000, model='" + model
          + "', tensor_parallel_size=1, max_model_len=8192, gpu_memory_utilization=0.9, enable_prefix_caching=True)"));
      at(7400, v("config.py:350", "This model supports multiple tasks: {'generate', 'embedding'}. Defaulting to "
          + "'generate'."));
      at(900, v("llm_engine.py:249", "Initializing an LLM engine (v0.6.4.post1) with config: model='" + model
          + "', dtype=torch.bfloat16, max_seq_len=8192, download_dir=None, load_format=LoadFormat.AUTO, "
          + "tensor_parallel_size=1, quantization=None, enforce_eager=False, kv_cache_dtype=auto, seed=0"));
      at(1800, v("selector.py:135", "Using Flash Attention backend."));
      at(1200, v("model_runner.py:1072", "Starting to load model " + model + "..."));
      at(700, v("weight_utils.py:243", "Using model weights format ['*.safetensors']"));
      at(8100, "Loading safetensors checkpoint shards: 100% Completed | 4/4 [00:07<00:00,  1.83s/it]");
      at(300, v("model_runner.py:1077", "Loading model weights took 14.9888 GB"));
      at(2100, v("worker.py:232", "Memory profiling results: total_gpu_memory=79.15GiB initial_memory_usage=15.52GiB "
          + "peak_torch_memory=16.21GiB memory_usage_post_profile=15.61GiB non_torch_memory=0.59GiB "
          + "kv_cache_size=54.39GiB gpu_memory_utilization=0.90"));
      at(40, v("gpu_executor.py:113", "# GPU blocks: 27847, # CPU blocks: 2048"));
      at(10, v("gpu_executor.py:117", "Maximum concurrency for 8192 tokens per request: 54.39x"));
      at(2600, v("model_runner.py:1400", "Capturing cudagraphs for decoding. This may lead to unexpected "
          + "consequences if the model is not static."));
      at(15200, v("model_runner.py:1518", "Graph capturing finished in 15 secs, took 0.62 GiB"));
      at(400, v("launcher.py:19", "Available routes are:"));
      for (String route : List.of("/health, Methods: GET", "/metrics, Methods: GET", "/v1/models, Methods: GET",
          "/v1/chat/completions, Methods: POST", "/v1/completions, Methods: POST")) {
        at(1, v("launcher.py:27", "Route: " + route));
      }
      at(20, "INFO:     Started server process [1]");
      at(1, "INFO:     Waiting for application startup.");
      at(2, "INFO:     Application startup complete.");
      at(1, "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)");
      periodic(Duration.ofSeconds(5), (t, r) -> switch (r.nextInt(4)) {
        case 0 -> "INFO " + VLLM_TIME.format(t) + " metrics.py:449] Avg prompt throughput: %.1f tokens/s, Avg "
            .formatted(200 + r.nextDouble() * 900) + "generation throughput: %.1f tokens/s, Running: %d reqs, "
            .formatted(300 + r.nextDouble() * 1400, r.nextInt(24)) + "Swapped: 0 reqs, Pending: %d reqs, GPU KV "
            .formatted(r.nextInt(3)) + "cache usage: %.1f%%, CPU KV cache usage: 0.0%%.".formatted(r.nextDouble() * 80);
        case 1 -> "INFO " + VLLM_TIME.format(t) + " engine.py:267] Added request chat-%016x%016x.".formatted(r.nextLong(), r.nextLong());
        case 2 -> "INFO:     10.244.%d.%d:%d - \"GET /metrics HTTP/1.1\" 200 OK"
            .formatted(r.nextInt(8), 2 + r.nextInt(250), 30000 + r.nextInt(30000));
        default -> "INFO:     10.244.%d.%d:%d - \"POST /v1/chat/completions HTTP/1.1\" 200 OK"
            .formatted(r.nextInt(8), 2 + r.nextInt(250), 30000 + r.nextInt(30000));
      });
    }

    static java.util.function.Function<Instant, String> glog(String file, String text) {
      return t -> "I" + GLOG_TIME.format(t) + " 1 " + file + "] " + text;
    }

    void triton() {
      String model = model();
      at(0, "=============================\n== Triton Inference Server ==\n=============================");
      at(150, "NVIDIA Release 24.08 (build 107631419)\nTriton Server Version 2.49.0");
      at(900, glog("pinned_memory_manager.cc:277", "Pinned memory pool is created at '0x7f1c2a000000' with size "
          + "268435456"));
      at(30, glog("cuda_memory_manager.cc:107", "CUDA memory pool is created on device 0 with size 67108864"));
      at(600, glog("model_lifecycle.cc:472", "loading: " + model + ":1"));
      at(2300, glog("tensorrt.cc:65", "TRITONBACKEND_Initialize: tensorrt"));
      at(3900, glog("model_lifecycle.cc:838", "successfully loaded '" + model + "'"));
      at(5, glog("server.cc:604", "\n+" + "-".repeat(22) + "+---------+--------+\n| Model"
          + " ".repeat(16) + " | Version | Status |\n+" + "-".repeat(22) + "+---------+--------+\n| "
          + String.format(Locale.ROOT, "%-20s", model) + " | 1       | READY  |\n+" + "-".repeat(22)
          + "+---------+--------+"));
      at(40, glog("grpc_server.cc:2463", "Started GRPCInferenceService at 0.0.0.0:8001"));
      at(1, glog("http_server.cc:4692", "Started HTTPService at 0.0.0.0:8000"));
      at(40, glog("http_server.cc:362", "Started Metrics Service at 0.0.0.0:8002"));
      periodic(Duration.ofMinutes(5), (t, r) -> "I" + GLOG_TIME.format(t)
          + " 1 model_repository_manager.cc:1365] Poll model repository: no changes for '" + model + "'");
    }

    void tgi() {
      String model = model();
      at(0, t -> tgiLine(t, "text_generation_launcher: Args { model_id: \"" + model + "\", revision: None, "
          + "sharded: None, num_shard: Some(1), quantize: None, max_input_tokens: Some(4096), max_total_tokens: "
          + "Some(8192), port: 80, json_output: false }"));
      at(120, t -> tgiLine(t, "download: text_generation_launcher: Starting check and download process for "
          + model));
      at(4200, t -> tgiLine(t, "download: text_generation_launcher: Successfully downloaded weights for " + model));
      at(40, t -> tgiLine(t, "shard-manager: text_generation_launcher: Starting shard rank=0"));
      at(17100, t -> tgiLine(t, "shard-manager: text_generation_launcher: Shard ready in 17.1s rank=0"));
      at(300, t -> tgiLine(t, "text_generation_launcher: Starting Webserver"));
      at(800, t -> tgiLine(t, "text_generation_router_v3: backends/v3/src/lib.rs:125: Warming up model"));
      at(2200, t -> tgiLine(t, "text_generation_router::server: router/src/server.rs:2079: Serving revision "
          + "e0bc86c23ce5aae1db576c8cca6f06f1f73af2db of model " + model));
      at(5, t -> tgiLine(t, "text_generation_router::server: router/src/server.rs:2241: Connected"));
      periodic(Duration.ofSeconds(8), (t, r) -> {
        double total = 0.4 + r.nextDouble() * 3;
        int tokens = 16 + r.nextInt(480);
        return tgiLine(t, "generate{parameters=GenerateParameters { max_new_tokens: Some(%d), temperature: "
            .formatted(tokens) + "Some(0.7), top_p: Some(0.95) } total_time=\"%.2fs\" validation_time=\"%dµs\" "
            .formatted(total, 80 + r.nextInt(400)) + "queue_time=\"%dµs\" inference_time=\"%.2fs\" "
            .formatted(20 + r.nextInt(200), total - 0.01) + "time_per_token=\"%dms\"}: ".formatted(
                (int) (total * 1000 / tokens)) + "text_generation_router::server: router/src/server.rs:432: Success");
      });
    }

    private static String tgiLine(Instant t, String text) {
      return t + "  INFO " + text;
    }

    static java.util.function.Function<Instant, String> py(String logger, String text) {
      return t -> "[" + PY_TIME.format(t) + "] INFO " + logger + ": " + text;
    }

    void trainer(boolean oomKilled) {
      String model = model();
      at(0, py("trainer", "world_size=8 rank=0 local_rank=0 backend=nccl"));
      at(1800, py("trainer", "Loading dataset s3://ml-datasets/support-tickets/v3 (1,204,332 examples)"));
      at(9200, py("trainer", "Model " + model + ": LoRA r=16 alpha=32, bf16, gradient checkpointing on"));
      at(4400, py("trainer", "Trainable params: 41,943,040 of 8,072,204,288 (0.52%)"));
      int steps = oomKilled ? 40 : MAX_PERIODIC_LINES;
      Random r = new Random(seed);
      double loss = 2.3 + r.nextDouble() * 0.3;
      for (int step = 1; step <= steps; step++) {
        loss = Math.max(0.35, loss * (0.985 + r.nextDouble() * 0.012));
        at(25_000 + r.nextInt(10_000), "{'loss': %.4f, 'grad_norm': %.3f, 'learning_rate': %.3e, 'epoch': %.2f}"
            .formatted(loss, 0.4 + r.nextDouble(), 2e-5 * (1 - step / 1000.0), step / 50.0));
        if (step % 50 == 0) {
          at(12_000, py("trainer", "epoch=%d train_loss=%.4f eval_loss=%.4f eval_accuracy=%.3f"
              .formatted(step / 50, loss, loss * 1.07, 0.5 + step / 2000.0)));
          at(3000, py("trainer", "Saving checkpoint to /checkpoints/checkpoint-" + step * 47));
        }
      }
      if (oomKilled) {
        at(2000, py("trainer", "epoch 1: raising micro-batch size to 16 after warm-up"));
        at(9000, py("trainer", "Gathering full state dict on rank 0 for checkpoint (this can take a while)"));
        // Then nothing: the kernel's OOM killer ends the process without a last word (exit code 137).
      }
    }

    void crash() {
      String image = container.path("image").asText();
      boolean python = !image.contains("java") && !image.contains("jvm");
      if (pod.path("metadata").path("labels").has("toolhive.stacklok.io/mcpserver")) {
        mcpServerCrash();
      } else if (image.startsWith("kserve/")) {
        kserveCrash();
      } else if (python) {
        at(0, "INFO:     Started server process [1]");
        at(4, "INFO:     Waiting for application startup.");
        at(1300, "Loading model from /models/" + model() + " ...");
        at(900, "ERROR:    Traceback (most recent call last):");
        for (String frame : List.of(
            "  File \"/usr/local/lib/python3.11/site-packages/starlette/routing.py\", line 693, in lifespan",
            "    async with self.lifespan_context(app) as maybe_state:",
            "  File \"/app/server.py\", line 58, in lifespan",
            "    app.state.model = load_model(settings.model_path)",
            "  File \"/app/model.py\", line 31, in load_model",
            "    config = AutoConfig.from_pretrained(path)",
            "  File \"/usr/local/lib/python3.11/site-packages/transformers/configuration_utils.py\", line 1017, in "
                + "from_pretrained",
            "    config_dict, kwargs = cls.get_config_dict(pretrained_model_name_or_path, **kwargs)",
            "OSError: /models/" + model() + " does not appear to have a file named config.json.",
            "ERROR:    Application startup failed. Exiting.")) {
          at(1, frame);
        }
      } else {
        at(0, "Starting " + pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText("service")
            + " using Java 21.0.5 with PID 1");
        at(2400, "Exception in thread \"main\" java.lang.IllegalStateException: Failed to connect to "
            + "feature-cache.ml-serving.svc:6379");
        for (String frame : List.of(
            "\tat dev.example.features.CacheClient.connect(CacheClient.java:88)",
            "\tat dev.example.features.FeatureServer.start(FeatureServer.java:41)",
            "\tat dev.example.features.Main.main(Main.java:17)",
            "Caused by: java.net.ConnectException: Connection refused",
            "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
            "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:554)",
            "\t... 3 more")) {
          at(1, frame);
        }
      }
    }

    /** A KServe model server whose model directory lacks the model file: it exits while loading. */
    private void kserveCrash() {
      String model = model();
      at(0, t -> kserveLine(t, "INFO", "kserve", "Loading model " + model + " from /mnt/models"));
      at(600, t -> kserveLine(t, "ERROR", "kserve", "Failed to start model server: Model with name " + model
          + " does not exist."));
      at(1, "Traceback (most recent call last):");
      for (String frame : List.of(
          "  File \"/usr/local/lib/python3.11/site-packages/kserve/model_server.py\", line 412, in start",
          "    self._register_and_check_atleast_one_model_is_ready()",
          "  File \"/lgbserver/lgbserver/model.py\", line 45, in load",
          "    raise ModelMissingError(model_path)",
          "kserve.errors.ModelMissingError: Model with name " + model + " does not exist: no model.txt or *.bst file "
              + "in /mnt/models")) {
        at(1, frame);
      }
    }

    private static String kserveLine(Instant t, String level, String logger, String text) {
      return PY_TIME.format(t) + " " + level + " [" + logger + ":model_server.py:398] " + text;
    }

    /** An MCP server whose upstream rejects its (expired) token: it exits during start-up. */
    private void mcpServerCrash() {
      String name = pod.path("metadata").path("labels").path("toolhive.stacklok.io/mcpserver").asText("mcp");
      at(0, py("mcp.server", name + "-mcp-server 0.3.1 starting (transport=sse, port=8000)"));
      at(300, py("mcp.server", "connecting to the MLflow tracking server at "
          + "http://mlflow.ml-pipelines.svc.cluster.local:5000"));
      at(900, "Traceback (most recent call last):");
      for (String frame : List.of(
          "  File \"/app/server.py\", line 37, in <module>",
          "    client.search_experiments(max_results=1)",
          "  File \"/usr/local/lib/python3.12/site-packages/mlflow/utils/rest_utils.py\", line 398, in "
              + "verify_rest_response",
          "    raise RestException(json.loads(response.text))",
          "mlflow.exceptions.RestException: UNAUTHENTICATED: Response: 401 Unauthorized: the access token "
              + "MLFLOW_TRACKING_TOKEN has expired")) {
        at(1, frame);
      }
    }

    void argoWait() {
      at(0, t -> "time=\"" + t + "\" level=info msg=\"Starting Workflow Executor\" version=v3.6.2");
      at(30, t -> "time=\"" + t + "\" level=info msg=\"Waiting on main container\"");
      at(6000, t -> "time=\"" + t + "\" level=info msg=\"Main container completed\" error=\"<nil>\"");
      at(100, t -> "time=\"" + t + "\" level=info msg=\"Saving output artifacts\"");
      at(400, t -> "time=\"" + t + "\" level=info msg=\"Alloc=9876 TotalAlloc=17283 Sys=24165 NumGC=5\"");
    }

    void generic() {
      String name = pod.path("metadata").path("labels").path("app.kubernetes.io/name")
          .asText(container.path("name").asText());
      at(0, t -> "time=\"" + t + "\" level=info msg=\"starting " + name + "\" version=v1.4.2");
      at(300, t -> "time=\"" + t + "\" level=info msg=\"serving metrics\" address=\":8080\"");
      at(200, t -> "time=\"" + t + "\" level=info msg=\"ready\"");
      periodic(Duration.ofSeconds(30), (t, r) -> switch (r.nextInt(3)) {
        case 0 -> "time=\"" + t + "\" level=info msg=\"reconciled\" duration=" + (2 + r.nextInt(40)) + "ms";
        case 1 -> "time=\"" + t + "\" level=info msg=\"health check ok\"";
        default -> "time=\"" + t + "\" level=debug msg=\"cache synced\" objects=" + (50 + r.nextInt(400));
      });
    }
  }
}
