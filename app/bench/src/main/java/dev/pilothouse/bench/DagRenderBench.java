package dev.pilothouse.bench;

import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.ui.kit.graph.DagLayout;
import dev.pilothouse.plugins.mlworkloads.pipelines.run.ArgoRunGraph;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.kit.graph.DagModel;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * dag-render: the SDK's {@link DagView}, 1200x700 in the benchmark window, showing a 500-node workflow (ten stages
 * that fan out to 20-80 parallel steps and join again, skip edges across stages, retried and failed steps). Each
 * iteration sets a new model (two runs with different step ids alternate, so every set is a fresh layout, fit and
 * label measuring, as when a user opens another run) and measures on the FX thread the time from setting the model
 * until layout has laid out and drawn the graph ({@code dag_render_*}), and until the frame is painted
 * ({@code dag_frame_*}). Twice: fitted to the view (the default, text too small to draw) and at 100 % with labels
 * ({@code *_100pct_*}). Also the pure layout time ({@code dag_layout_*}). Settings: {@code BENCH_DAG_ITERATIONS}
 * (default 100), {@code BENCH_DAG_WARMUPS} (default 30).
 */
final class DagRenderBench {

    static final int WIDTH = 1_200;
    static final int HEIGHT = 700;
    private static final int[] STAGE_WIDTHS = {30, 60, 45, 20, 80, 35, 70, 40, 55, 55};

    private DagRenderBench() {
    }

    static void run(Bench.Options o) throws Exception {
        int iterations = Bench.intEnv("BENCH_DAG_ITERATIONS", 100, 5, 100_000);
        int warmups = Bench.intEnv("BENCH_DAG_WARMUPS", 30, 0, 10_000);
        List<DagModel> runs = List.of(workflow("run-a"), workflow("run-b"));
        Figures.note("dag-render: %d nodes, %d edges, %dx%d, %d warm-ups, %d iterations", runs.getFirst().size(),
                runs.getFirst().edges().size(), WIDTH, HEIGHT, warmups, iterations);

        Samples layout = new Samples(iterations);
        for (int i = 0; i < warmups + iterations; i++) {
            long start = System.nanoTime();
            DagLayout.of(runs.get(i % 2));
            if (i >= warmups) {
                layout.add(System.nanoTime() - start);
            }
        }
        Figures.print("dag_layout_p50_ms", layout.percentileMillis(50), "ms");
        Figures.print("dag_layout_p99_ms", layout.percentileMillis(99), "ms");

        // The run page's own path: an Argo Workflow's status.nodes (with the DAG root it passes through) to the
        // model the view draws, then its layout.
        List<KubeObject> objects = List.of(argoWorkflow(runs.get(0)), argoWorkflow(runs.get(1)));
        Samples fromObject = new Samples(iterations);
        Instant now = Instant.now();
        for (int i = 0; i < warmups + iterations; i++) {
            long start = System.nanoTime();
            DagLayout.of(ArgoRunGraph.of(objects.get(i % 2)).model(now));
            if (i >= warmups) {
                fromObject.add(System.nanoTime() - start);
            }
        }
        Figures.print("dag_from_workflow_p50_ms", fromObject.percentileMillis(50), "ms");
        Figures.print("dag_from_workflow_p99_ms", fromObject.percentileMillis(99), "ms");

        FxStage.start();
        DagView view = FxStage.onFx(() -> {
            DagView v = new DagView();
            v.setMinSize(WIDTH, HEIGHT);
            v.setPrefSize(WIDTH, HEIGHT);
            v.setMaxSize(WIDTH, HEIGHT);
            FxStage.show(v);
            return v;
        });
        measure(view, runs, warmups, iterations, "dag");
        FxStage.onFx(() -> {
            view.setAutoFit(false);
            view.zoomAt(1, 0, 0);
        });
        measure(view, runs, warmups, iterations, "dag_100pct");
        FxStage.onFx(FxStage::clear);
    }

    private static void measure(DagView view, List<DagModel> runs, int warmups, int iterations, String prefix)
            throws InterruptedException {
        Samples render = new Samples(iterations);
        Samples frame = new Samples(iterations);
        for (int i = 0; i < warmups + iterations; i++) {
            long[] nanos = show(view, runs.get(i % 2), i);
            if (i >= warmups) {
                render.add(nanos[0]);
                frame.add(nanos[1]);
            }
        }
        String scale = FxStage.onFx(() -> String.format("%.2f", view.getViewTransform().scale()));
        Figures.note("%s: view scale %s", prefix, scale);
        if (prefix.equals("dag")) {
            Figures.print("dag_render_ms", render.percentileMillis(50), "ms");
        }
        Figures.print(prefix + "_render_p50_ms", render.percentileMillis(50), "ms");
        Figures.print(prefix + "_render_p99_ms", render.percentileMillis(99), "ms");
        Figures.print(prefix + "_render_max_ms", render.maxMillis(), "ms");
        Figures.print(prefix + "_frame_p50_ms", frame.percentileMillis(50), "ms");
        Figures.print(prefix + "_frame_p99_ms", frame.percentileMillis(99), "ms");
    }

    /** Sets a model; returns the FX-thread time until it is laid out and drawn, and until the frame is painted. */
    private static long[] show(DagView view, DagModel model, int i) throws InterruptedException {
        CountDownLatch painted = new CountDownLatch(1);
        long[] t = new long[3];
        FxStage.onFx(() -> {
            long layoutsBefore = view.getLayoutCount();
            long drawsBefore = view.getDrawCount();
            t[0] = System.nanoTime();
            view.setModel(model);
            view.getParent().applyCss();
            view.getParent().layout();
            t[1] = System.nanoTime();
            if (view.getLayoutCount() != layoutsBefore + 1 || view.getDrawCount() != drawsBefore + 1) {
                throw new IllegalStateException("iteration " + i + " laid out "
                        + (view.getLayoutCount() - layoutsBefore) + " and drew "
                        + (view.getDrawCount() - drawsBefore) + " times, expected once");
            }
            FxStage.afterNextFrame(() -> {
                t[2] = System.nanoTime();
                painted.countDown();
            });
        });
        if (!painted.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame painted within 30 s");
        }
        return new long[] {t[1] - t[0], t[2] - t[0]};
    }

    /** The same graph as the Workflow object Argo would write: Pod nodes under a DAG root, children as edges. */
    static KubeObject argoWorkflow(DagModel model) {
        Map<String, Object> nodes = new LinkedHashMap<>();
        String root = "wf-root";
        Set<String> targets = new HashSet<>();
        model.edges().forEach(e -> targets.add(e.to()));
        List<String> entries = model.nodes().stream().map(GraphNode::id).filter(id -> !targets.contains(id)).toList();
        nodes.put(root, Map.of("id", root, "name", root, "type", "DAG", "phase", "Running", "children", entries));
        Instant started = Instant.parse("2026-11-23T10:00:00Z");
        for (GraphNode n : model.nodes()) {
            List<String> children = model.edges().stream().filter(e -> e.from().equals(n.id())).map(GraphEdge::to)
                    .toList();
            String phase = switch (n.state()) {
                case FAILED -> "Failed";
                case PROGRESSING -> "Running";
                default -> "Succeeded";
            };
            nodes.put(n.id(), Map.of("id", n.id(), "name", root + "." + n.label(), "displayName", n.label(),
                    "type", "Pod", "phase", phase, "startedAt", started.toString(),
                    "finishedAt", started.plusSeconds(95).toString(), "children", children));
        }
        return KubeObject.of(Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Workflow",
                "metadata", Map.of("name", "wf", "namespace", "ml", "uid", "u"),
                "status", Map.of("phase", "Running", "nodes", nodes)));
    }

    /**
     * 500 steps: a checkout, then per stage a fan-out of parallel steps joined by one step (the last join is the
     * 500th node); every third join also feeds the join two stages on (a skip edge across columns); every 17th
     * step was retried, every 41st failed.
     */
    static DagModel workflow(String run) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String previous = run + "-checkout";
        nodes.add(new GraphNode(previous, "checkout-and-fetch-dataset", "41s", HealthState.OK));
        int step = 0;
        for (int s = 0; s < STAGE_WIDTHS.length; s++) {
            String join = run + "-join-" + s;
            int width = STAGE_WIDTHS[s] - (s == STAGE_WIDTHS.length - 1 ? 1 : 0);
            for (int w = 0; w < width; w++, step++) {
                String id = run + "-stage-" + s + "-shard-" + w;
                HealthState state = step % 41 == 0 ? HealthState.FAILED : step % 17 == 0 ? HealthState.DEGRADED
                        : s >= 8 ? HealthState.PROGRESSING : HealthState.OK;
                String detail = (1 + step % 9) + "m " + (10 + step % 50) + "s"
                        + (step % 17 == 0 ? " · 2 retries" : "");
                nodes.add(new GraphNode(id, "train-shard-" + s + "-" + w + "-evaluate-metrics", detail, state));
                edges.add(new GraphEdge(previous, id));
                edges.add(new GraphEdge(id, join));
            }
            nodes.add(new GraphNode(join, "aggregate-stage-" + s, "12s", HealthState.OK));
            if (s >= 2 && s % 3 == 2) {
                edges.add(new GraphEdge(run + "-join-" + (s - 2), join));
            }
            previous = join;
        }
        return DagModel.of(nodes, edges);
    }
}
