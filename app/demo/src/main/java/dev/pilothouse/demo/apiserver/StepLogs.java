package dev.pilothouse.demo.apiserver;

import dev.pilothouse.demo.apiserver.LogGenerator.Generator;
import java.util.List;
import java.util.Random;

/**
 * The logs of pipeline steps: Argo's {@code main} containers and Tekton's {@code step-*} containers. What a step
 * logs follows its name (fetching data, validating, building features, training, evaluating, registering, building
 * an image, testing...) and its arguments; a failed step ends with the error that failed it.
 */
final class StepLogs {

  private StepLogs() {}

  static void argo(Generator g, boolean failed) {
    String nodeName = g.pod.path("metadata").path("annotations").path("workflows.argoproj.io/node-name")
        .asText("step");
    // "wf.task", "wf.task(1)" (a retry attempt) or "wf[2].task" (a step).
    String step = nodeName.substring(nodeName.lastIndexOf('.') + 1).replaceAll("\\(\\d+\\)$", "");
    String workflow = g.pod.path("metadata").path("labels").path("workflows.argoproj.io/workflow")
        .asText("workflow");
    String kind = kind(step);
    switch (kind) {
      case "fetch" -> fetch(g, workflow, failed);
      case "validate" -> validate(g, failed);
      case "features" -> features(g, failed);
      case "train" -> train(g, failed);
      case "evaluate" -> evaluate(g, failed);
      case "register" -> register(g, workflow, failed);
      default -> generic(g, step, workflow, failed);
    }
  }

  static void tekton(Generator g, boolean failed) {
    String step = g.container.path("name").asText().replaceFirst("^step-", "");
    String task = g.pod.path("metadata").path("labels").path("tekton.dev/pipelineTask").asText(step);
    String image = g.container.path("image").asText();
    if (image.contains("kaniko")) {
      kaniko(g, failed);
    } else if (step.contains("smoke") || step.contains("test")) {
      smokeTest(g, failed);
    } else if (image.contains("kubectl")) {
      kubectl(g, step, failed);
    } else if (image.contains("trivy")) {
      trivy(g, failed);
    } else if (step.contains("digest")) {
      g.at(0, t -> "sha256:" + digest(g.seed));
    } else {
      g.at(0, py(task, "step " + step + " starting"));
      g.at(1200, py(task, step.startsWith("check-") ? step.substring(6) + ": ok" : "done in 1.2s"));
      if (failed) {
        g.at(300, "Error: step " + step + " failed (exit status 1)");
      } else {
        g.at(100, py(task, "step " + step + " done"));
      }
    }
  }

  /** An image digest, the same for the same step. */
  private static String digest(long seed) {
    byte[] bytes = new byte[32];
    new Random(seed).nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static String kind(String step) {
    for (var entry : List.of(List.of("fetch", "fetch"), List.of("extract", "fetch"), List.of("prepare", "fetch"),
        List.of("export", "fetch"), List.of("valid", "validate"), List.of("featur", "features"),
        List.of("embed", "features"), List.of("train", "train"), List.of("eval", "evaluate"),
        List.of("register", "register"))) {
      if (step.contains(entry.get(0))) {
        return entry.get(1);
      }
    }
    return "";
  }

  private static java.util.function.Function<java.time.Instant, String> py(String logger, String text) {
    return LogGenerator.Generator.py(logger, text);
  }

  private static String value(Generator g, String flag, String fallback) {
    String value = g.argument(flag);
    return value == null ? fallback : value;
  }

  private static void fetch(Generator g, String workflow, boolean failed) {
    String dataset = value(g, "--dataset", "s3://ml-datasets/" + workflow.replaceAll("-[a-z0-9]{5}$", "")
        + "/latest");
    g.at(0, py("fetch", "resolving " + dataset));
    g.at(800, py("fetch", "found 64 parquet files (31.4 GiB)"));
    if (failed) {
      g.at(41_000, py("fetch", "downloaded 17/64 files"));
      g.at(60_000, "Traceback (most recent call last):");
      g.at(1, "  File \"/usr/local/lib/python3.11/site-packages/botocore/httpsession.py\", line 464, in send");
      g.at(1, "    raise ReadTimeoutError(endpoint_url=request.url, error=e)");
      g.at(1, "botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: \""
          + dataset.replace("s3://", "https://s3.us-central-1.amazonaws.com/") + "/part-00017.parquet\"");
      return;
    }
    g.at(38_000, py("fetch", "downloaded 32/64 files"));
    g.at(36_000, py("fetch", "downloaded 64/64 files"));
    g.at(900, py("fetch", "wrote s3://ml-pipelines/artifacts/" + workflow + "/raw (48,213,877 rows)"));
  }

  private static void validate(Generator g, boolean failed) {
    g.at(0, py("validate", "loading expectations suite 'transactions.v7' (42 expectations)"));
    g.at(1500, py("validate", "reading input artifact from s3://ml-pipelines/artifacts/"
        + g.pod.path("metadata").path("labels").path("workflows.argoproj.io/workflow").asText("workflow") + "/"));
    g.at(4000, py("validate", "processed 120000/120000 records"));
    if (failed) {
      g.at(800, "Traceback (most recent call last):");
      g.at(1, "  File \"/app/validate.py\", line 74, in <module>");
      g.at(1, "    raise ValueError(f\"schema drift: column {col!r} has {nulls} nulls (max {limit})\")");
      g.at(1, "ValueError: schema drift: column 'ticket_priority' has 18344 nulls (max 1000)");
    } else {
      g.at(900, py("validate", "42/42 expectations met"));
      g.at(50, py("validate", "validation passed"));
    }
  }

  private static void features(Generator g, boolean failed) {
    String table = value(g, "--table", "records");
    g.at(0, py("features", "building features for table '" + table + "'"));
    Random r = new Random(g.seed);
    for (int chunk = 1; chunk <= 8; chunk++) {
      int done = chunk;
      g.at(20_000 + r.nextInt(20_000), py("features", "chunk %d/8: %,d rows, %d features".formatted(done,
          5_000_000 + r.nextInt(1_000_000), 96 + r.nextInt(16))));
    }
    if (failed) {
      g.at(500, "KeyError: 'merchant_category'");
    } else {
      g.at(1200, py("features", "wrote feature set " + table + " (212 columns) to the feature store"));
    }
  }

  private static void train(Generator g, boolean failed) {
    String image = g.container.path("image").asText();
    String version = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "2.1.0";
    String lr = value(g, "--learning-rate", "0.05");
    String depth = value(g, "--max-depth", "8");
    String estimators = value(g, "--n-estimators", "600");
    g.at(0, py("train", "xgboost " + version + ", tree_method=hist, nthread=8"));
    g.at(300, py("train", "params: learning_rate=" + lr + " max_depth=" + depth + " n_estimators=" + estimators));
    g.at(9_000, py("train", "loaded 48,213,877 rows x 212 features; positives 0.41%"));
    Random r = new Random(g.seed);
    double loss = 0.62;
    double aucpr = 0.40;
    int stop = failed ? 400 : Integer.parseInt(estimators.replaceAll("\\D", "").isEmpty() ? "600" : estimators);
    for (int i = 0; i < stop; i += 25) {
      loss = loss * (0.86 + r.nextDouble() * 0.04);
      aucpr = Math.min(0.93, aucpr + (0.93 - aucpr) * (0.18 + r.nextDouble() * 0.05));
      g.at(6_000 + r.nextInt(3_000), "[%d]\ttrain-logloss:%.5f\tvalidation-logloss:%.5f\tvalidation-aucpr:%.5f"
          .formatted(i, loss, loss * 1.04, aucpr));
    }
    if (failed) {
      g.at(6_000, "[400]\ttrain-logloss:nan\tvalidation-logloss:nan\tvalidation-aucpr:0.00000");
      g.at(200, "Traceback (most recent call last):");
      g.at(1, "  File \"/app/fraud/train.py\", line 118, in <module>");
      g.at(1, "    raise ValueError(f\"training diverged: validation logloss is {loss} at iteration {it} \"");
      g.at(1, "ValueError: training diverged: validation logloss is nan at iteration 412 (learning_rate=" + lr
          + ", max_depth=" + depth + ")");
      return;
    }
    g.at(2_000, py("train", "best iteration %s, validation-aucpr %.4f".formatted(estimators, aucpr)));
    g.at(900, py("train", "saved model to s3://ml-pipelines/models/model.ubj (18.7 MiB)"));
  }

  private static void evaluate(Generator g, boolean failed) {
    String threshold = value(g, "--min-aucpr", "0.80");
    g.at(0, py("evaluate", "evaluating candidate on holdout (2,412,990 rows)"));
    g.at(14_000, py("evaluate", failed ? "aucpr=0.7120 roc_auc=0.9412 recall@1%fpr=0.4410"
        : "aucpr=0.8634 roc_auc=0.9781 recall@1%fpr=0.6120"));
    if (failed) {
      g.at(100, "Traceback (most recent call last):");
      g.at(1, "  File \"/app/evaluate.py\", line 52, in <module>");
      g.at(1, "AssertionError: aucpr 0.7120 is below the release threshold " + threshold);
    } else {
      g.at(100, py("evaluate", "aucpr 0.8634 >= " + threshold + ": candidate accepted"));
    }
  }

  private static void register(Generator g, String workflow, boolean failed) {
    g.at(0, py("register", "registering model from run " + workflow));
    if (failed) {
      g.at(2_000, "mlflow.exceptions.RestException: RESOURCE_ALREADY_EXISTS: version 43 already exists");
      return;
    }
    g.at(2_000, py("register", "registered model version 43 (stage: Staging)"));
  }

  private static void generic(Generator g, String step, String workflow, boolean failed) {
    g.at(0, "step " + step + " starting");
    g.at(1500, "reading input artifact from s3://ml-pipelines/artifacts/" + workflow + "/");
    g.at(4000, "processed 120000/120000 records");
    if (failed) {
      g.at(800, "Error: step " + step + " failed: exit status 1");
    } else {
      g.at(900, "wrote output artifact (48.2 MiB)");
      g.at(50, "step " + step + " done");
    }
  }

  private static void kaniko(Generator g, boolean failed) {
    String destination = value(g, "--destination", "registry.example.com/ml/image:latest");
    g.at(0, t -> "INFO[0000] Retrieving image manifest python:3.11-slim");
    g.at(900, t -> "INFO[0001] Built cross stage deps: map[]");
    g.at(300, t -> "INFO[0001] Executing 0 build triggers");
    Random r = new Random(g.seed);
    int seconds = 2;
    for (String instruction : List.of("COPY requirements.txt /app/", "RUN pip install --no-cache-dir -r "
        + "requirements.txt", "COPY model/ /app/model/", "COPY serve.py /app/")) {
      seconds += 5 + r.nextInt(40);
      int s = seconds;
      g.at(5_000 + r.nextInt(30_000), t -> "INFO[%04d] %s".formatted(s, instruction));
    }
    if (failed) {
      g.at(2_000, t -> "error building image: error building stage: failed to execute command: exit status 1");
      return;
    }
    int s = seconds + 12;
    g.at(12_000, t -> "INFO[%04d] Pushing image to %s".formatted(s, destination));
    String digest = digest(g.seed);
    g.at(9_000, t -> "INFO[%04d] Pushed %s@sha256:%s".formatted(s + 9, destination.replaceAll(":[^/:]+$", ""),
        digest));
  }

  private static void smokeTest(Generator g, boolean failed) {
    g.at(0, py("smoke_test", "sending 500 requests to the candidate"));
    g.at(18_000, py("smoke_test", "500/500 responses, 0 errors"));
    if (failed) {
      g.at(100, py("smoke_test", "latency p50=96ms p95=288ms p99=412ms"));
      g.at(1, "AssertionError: p99 latency 412 ms is above the budget of 250 ms");
      return;
    }
    g.at(100, py("smoke_test", "latency p50=41ms p95=118ms p99=176ms"));
    g.at(1, py("smoke_test", "smoke test passed"));
  }

  private static void kubectl(Generator g, String step, boolean failed) {
    if (step.contains("wait")) {
      g.at(0, t -> failed ? "error: timed out waiting for the condition on inferenceservices/fraud-scorer"
          : "inferenceservice.serving.kserve.io/fraud-scorer condition met");
    } else {
      g.at(0, t -> "inferenceservice.serving.kserve.io/fraud-scorer patched");
    }
  }

  private static void trivy(Generator g, boolean failed) {
    g.at(0, t -> t + "\tINFO\tNeed to update DB");
    g.at(4_000, t -> t + "\tINFO\tVulnerability scanning is enabled");
    g.at(9_000, t -> t + "\tINFO\tDetected OS\tfamily=\"debian\" version=\"12.8\"");
    g.at(100, t -> "Total: %d (CRITICAL: %d)".formatted(failed ? 3 : 0, failed ? 3 : 0));
  }
}
