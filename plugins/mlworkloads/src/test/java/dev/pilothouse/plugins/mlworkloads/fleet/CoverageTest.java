package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the ML lists say about the clusters they could not fully read. */
class CoverageTest {

    private static final Product ARGO = Product.of("Argo Workflows", new GroupVersionKind("argoproj.io", "v1alpha1",
            "Workflow", "workflows"), new GroupVersionKind("argoproj.io", "v1alpha1", "CronWorkflow", "cronworkflows"));
    private static final Product TEKTON = Product.of("Tekton Pipelines", new GroupVersionKind("tekton.dev", "v1",
            "PipelineRun", "pipelineruns"));

    @Test
    void aProductWithNoKindInstalledIsOneQuietLinePerCluster() {
        Coverage c = Coverage.of(List.of(
                watch("prod", ARGO, "Workflows", WatchState.SYNCED),
                watch("prod", ARGO, "CronWorkflows", WatchState.SYNCED),
                watch("prod", TEKTON, "PipelineRuns", WatchState.SYNCED),
                watch("staging", ARGO, "Workflows", WatchState.SYNCED),
                watch("staging", ARGO, "CronWorkflows", WatchState.NOT_INSTALLED),
                watch("staging", TEKTON, "PipelineRuns", WatchState.NOT_INSTALLED)), "pipelines");

        assertThat(c.missing()).containsExactly("CronWorkflows (Argo Workflows) is not installed in staging.",
                "Tekton Pipelines is not installed in staging.");
        assertThat(c.problems()).isEmpty();
        assertThat(c.usable()).isEqualTo(4);
        assertThat(c.loading()).isFalse();
        assertThat(c.failed()).isFalse();
    }

    @Test
    void refusalsFailuresAndStaleClustersAreProblemsWithTheServersWords() {
        Instant lastSync = Instant.parse("2026-11-23T10:15:30Z");
        Coverage c = Coverage.of(List.of(
                new Coverage.Watch("prod", ARGO, "Workflows", new WatchStatus(WatchState.STALE, lastSync, "")),
                new Coverage.Watch("prod", TEKTON, "PipelineRuns", new WatchStatus(WatchState.FORBIDDEN, null,
                        "pipelineruns.tekton.dev is forbidden: User \"dev\" cannot list")),
                new Coverage.Watch("staging", ARGO, "Workflows", new WatchStatus(WatchState.FAILED, null,
                        "connection refused"))), "pipelines");

        assertThat(c.problems()).hasSize(3);
        assertThat(c.problems().getFirst()).startsWith("Connection to prod lost. Showing its pipelines as of ");
        assertThat(c.problems()).contains("Not allowed to list PipelineRuns in prod: pipelineruns.tekton.dev is "
                + "forbidden: User \"dev\" cannot list. Choose your namespace to see its PipelineRuns.",
                "Could not list Workflows in staging: connection refused");
        assertThat(c.failed()).isFalse();
    }

    @Test
    void onlyAllWatchesFailingIsAnErrorAndLoadingLastsUntilOneHasRows() {
        assertThat(Coverage.of(List.of(watch("a", ARGO, "Workflows", WatchState.FAILED),
                watch("b", ARGO, "Workflows", WatchState.FAILED)), "pipelines").failed()).isTrue();
        Coverage loading = Coverage.of(List.of(watch("a", ARGO, "Workflows", WatchState.LOADING),
                watch("b", ARGO, "Workflows", WatchState.NOT_INSTALLED)), "pipelines");
        assertThat(loading.loading()).isTrue();
        assertThat(loading.settled()).isFalse();
        Coverage partly = Coverage.of(List.of(watch("a", ARGO, "Workflows", WatchState.LOADING),
                watch("b", ARGO, "Workflows", WatchState.SYNCED)), "pipelines");
        assertThat(partly.loading()).isFalse();
        assertThat(partly.settled()).isFalse();
    }

    private static Coverage.Watch watch(String cluster, Product product, String kind, WatchState state) {
        return new Coverage.Watch(cluster, product, kind, new WatchStatus(state, Instant.now(), ""));
    }
}
