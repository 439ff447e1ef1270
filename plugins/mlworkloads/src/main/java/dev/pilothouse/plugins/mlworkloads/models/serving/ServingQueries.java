package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.plugins.mlworkloads.models.serving.ServingQuery.Key;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The serving queries of every family of model server whose metrics domain.md lists, in order of preference: when
 * two families measure the same model (a vLLM server behind KServe's Knative revisions), the server's own figure
 * wins over the proxy's.
 */
public final class ServingQueries {

    private static final String WINDOW = "[5m]";

    private ServingQueries() {
    }

    public static List<ServingQuery> all() {
        List<ServingQuery> q = new ArrayList<>();
        String ns = "namespace, ";
        // vLLM
        q.add(query("vLLM", Measure.REQUEST_RATE, "sum by (" + ns + "model_name) (rate(vllm:e2e_request_latency_seconds_count{@@}"
                + WINDOW + "))", Key.MODEL_NAME, "vllm:e2e_request_latency_seconds_count"));
        q.add(query("vLLM", Measure.LATENCY_P99, quantile(0.99, ns + "model_name", "vllm:e2e_request_latency_seconds_bucket{@@}"),
                Key.MODEL_NAME, "vllm:e2e_request_latency_seconds_bucket"));
        q.add(query("vLLM", Measure.TIME_TO_FIRST_TOKEN, quantile(0.95, ns + "model_name",
                "vllm:time_to_first_token_seconds_bucket{@@}"), Key.MODEL_NAME, "vllm:time_to_first_token_seconds_bucket"));
        q.add(query("vLLM", Measure.TOKENS_PER_SECOND, "sum by (" + ns + "model_name) (rate(vllm:generation_tokens_total{@@}"
                + WINDOW + "))", Key.MODEL_NAME, "vllm:generation_tokens_total"));
        q.add(query("vLLM", Measure.QUEUE_DEPTH, "sum by (" + ns + "model_name) (vllm:num_requests_waiting{@@})",
                Key.MODEL_NAME, "vllm:num_requests_waiting"));
        // Triton: counters and cumulative durations, no histograms; its latency is a mean.
        String tritonTotal = "(sum by (" + ns + "model) (rate(nv_inference_request_success{@@}" + WINDOW + ")) + sum by ("
                + ns + "model) (rate(nv_inference_request_failure{@@}" + WINDOW + ")))";
        q.add(query("Triton", Measure.REQUEST_RATE, tritonTotal, Key.MODEL, "nv_inference_request_success",
                "nv_inference_request_failure"));
        q.add(query("Triton", Measure.ERROR_RATIO, "sum by (" + ns + "model) (rate(nv_inference_request_failure{@@}" + WINDOW
                + ")) / " + tritonTotal, Key.MODEL, "nv_inference_request_success", "nv_inference_request_failure"));
        q.add(new ServingQuery("Triton", Measure.LATENCY_P99, "sum by (" + ns + "model) (rate(nv_inference_request_duration_us{@@}"
                + WINDOW + ")) / sum by (" + ns + "model) (rate(nv_inference_request_success{@@}" + WINDOW + ")) / 1e6",
                Key.MODEL, List.of("nv_inference_request_duration_us", "nv_inference_request_success"), true));
        q.add(query("Triton", Measure.QUEUE_DEPTH, "sum by (" + ns + "model) (nv_inference_pending_request_count{@@})",
                Key.MODEL, "nv_inference_pending_request_count"));
        // TGI series name no model: they are matched through the pod that exported them.
        q.add(query("TGI", Measure.REQUEST_RATE, "sum by (namespace, pod) (rate(tgi_request_duration_count{@@}" + WINDOW + "))",
                Key.POD, "tgi_request_duration_count"));
        q.add(query("TGI", Measure.LATENCY_P99, quantile(0.99, "namespace, pod", "tgi_request_duration_bucket{@@}"),
                Key.POD, "tgi_request_duration_bucket"));
        q.add(query("TGI", Measure.TOKENS_PER_SECOND, "sum by (namespace, pod) (rate(tgi_request_generated_tokens_sum{@@}"
                + WINDOW + "))", Key.POD, "tgi_request_generated_tokens_sum"));
        q.add(query("TGI", Measure.QUEUE_DEPTH, "sum by (namespace, pod) (tgi_queue_size{@@})", Key.POD, "tgi_queue_size"));
        // Knative's queue-proxy: what serverless InferenceServices report per revision, errors included; before
        // KServe's own server metrics, which do not tell a canary revision from the stable one.
        String byRevision = "namespace_name, revision_name";
        q.add(query("Knative", Measure.REQUEST_RATE, "sum by (" + byRevision + ") (rate(revision_app_request_count{@@}"
                + WINDOW + "))", Key.REVISION, "revision_app_request_count"));
        q.add(query("Knative", Measure.ERROR_RATIO, ratio("sum by (" + byRevision + ") (rate(revision_app_request_count{@@"
                + "response_code_class=\"5xx\"}" + WINDOW + "))", "sum by (" + byRevision
                + ") (rate(revision_app_request_count{@@}" + WINDOW + "))"), Key.REVISION, "revision_app_request_count"));
        q.add(query("Knative", Measure.LATENCY_P99, quantile(0.99, byRevision, "revision_app_request_latencies_bucket{@@}")
                + " / 1000", Key.REVISION, "revision_app_request_latencies_bucket"));
        q.add(query("Knative", Measure.QUEUE_DEPTH, "sum by (" + byRevision + ") (revision_queue_depth{@@})", Key.REVISION,
                "revision_queue_depth"));
        // KServe's model server
        q.add(query("KServe", Measure.REQUEST_RATE, "sum by (" + ns + "model_name) (rate(request_predict_seconds_count{@@}"
                + WINDOW + "))", Key.MODEL_NAME, "request_predict_seconds_count"));
        q.add(query("KServe", Measure.LATENCY_P99, quantile(0.99, ns + "model_name", "request_predict_seconds_bucket{@@}"),
                Key.MODEL_NAME, "request_predict_seconds_bucket"));
        // Seldon Core 2
        q.add(query("Seldon", Measure.REQUEST_RATE, "sum by (" + ns + "model) (rate(seldon_model_infer_total{@@}" + WINDOW
                + "))", Key.MODEL, "seldon_model_infer_total"));
        q.add(query("Seldon", Measure.ERROR_RATIO, ratio("sum by (" + ns + "model) (rate(seldon_model_infer_total{@@"
                + "code!~\"2..|OK\"}" + WINDOW + "))", "sum by (" + ns + "model) (rate(seldon_model_infer_total{@@}"
                + WINDOW + "))"), Key.MODEL, "seldon_model_infer_total"));
        q.add(query("Seldon", Measure.LATENCY_P99, quantile(0.99, ns + "model", "seldon_model_infer_api_seconds_bucket{@@}"),
                Key.MODEL, "seldon_model_infer_api_seconds_bucket"));
        // GPUs, from the DCGM exporter, by the pod holding them.
        q.add(query("DCGM", Measure.GPU_UTILISATION, "avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL{@@pod!=\"\"})",
                Key.POD, "DCGM_FI_DEV_GPU_UTIL"));
        return List.copyOf(q);
    }

    /** Every metric name any query reads, for one existence check per refresh. */
    public static Set<String> metricNames(List<ServingQuery> queries) {
        Set<String> names = new LinkedHashSet<>();
        queries.forEach(q -> names.addAll(q.requires()));
        return names;
    }

    private static ServingQuery query(String family, Measure measure, String promql, Key key, String... requires) {
        return new ServingQuery(family, measure, promql, key, List.of(requires), false);
    }

    /**
     * errors / all, and 0 where there were requests but no error series: servers create the series of an error
     * code only once it happens, and a healthy model must show 0 %, not nothing.
     */
    private static String ratio(String errors, String all) {
        return "(" + errors + " or " + all + " * 0) / " + all;
    }

    private static String quantile(double q, String by, String bucket) {
        return "histogram_quantile(" + q + ", sum by (" + by + ", le) (rate(" + bucket + WINDOW + ")))";
    }
}
