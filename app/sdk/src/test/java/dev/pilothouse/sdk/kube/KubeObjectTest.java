package dev.pilothouse.sdk.kube;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KubeObjectTest {

    private final KubeObject pod = KubeObject.of(Map.of(
            "kind", "Pod",
            "metadata", Map.of("name", "llama", "namespace", "ml-serving", "uid", "u1",
                    "labels", Map.of("app.kubernetes.io/name", "llama-3-8b"),
                    "creationTimestamp", "2026-11-22T10:00:00Z"),
            "spec", Map.of("containers", List.of(Map.of("name", "vllm"), "not-an-object")),
            "status", Map.of("phase", "Running", "observedGeneration", "7",
                    "conditions", List.of(Map.of("type", "Ready", "status", "True")))));

    @Test
    void readsKeysContainingDotsAsOneSegment() {
        assertThat(pod.string("metadata", "labels", "app.kubernetes.io/name")).isEqualTo("llama-3-8b");
    }

    @Test
    void missingPathsReadAsEmptyNotAsErrors() {
        assertThat(pod.string("status", "nope", "deeper")).isEmpty();
        assertThat(pod.number("spec", "replicas")).isZero();
        assertThat(pod.objects("status", "containerStatuses")).isEmpty();
        assertThat(pod.instant("status", "startTime")).isEmpty();
    }

    @Test
    void indexesListsAndSkipsNonObjectItems() {
        assertThat(pod.string("spec", "containers", "0", "name")).isEqualTo("vllm");
        assertThat(pod.objects("spec", "containers")).hasSize(1);
    }

    @Test
    void parsesNumbersWrittenAsStrings() {
        assertThat(pod.number("status", "observedGeneration")).isEqualTo(7);
        assertThat(pod.hasNumber("status", "observedGeneration")).isTrue();
    }

    @Test
    void findsConditionsByType() {
        assertThat(pod.condition("Ready")).map(c -> c.string("status")).contains("True");
        assertThat(pod.condition("Initialized")).isEmpty();
    }

    @Test
    void readsMetadataShortcuts() {
        assertThat(pod.name()).isEqualTo("llama");
        assertThat(pod.namespace()).isEqualTo("ml-serving");
        assertThat(pod.creationTimestamp()).contains(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(pod.toString()).isEqualTo("Pod ml-serving/llama");
    }

    @Test
    void anUnparsableTimestampIsEmpty() {
        KubeObject broken = KubeObject.of(Map.of("metadata", Map.of("creationTimestamp", "yesterday")));
        assertThat(broken.creationTimestamp()).isEmpty();
    }
}
