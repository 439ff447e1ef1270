package dev.pilothouse.plugins.clusters.crd;

import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonPathAndCrdKindsTest {

    private static final Map<String, Object> ISVC = Map.of(
            "metadata", Map.of("name", "fraud-scorer", "labels", Map.of("app.kubernetes.io/name", "fraud")),
            "status", Map.of("url", "http://fraud.example.com",
                    "conditions", List.of(Map.of("type", "PredictorReady", "status", "True"),
                            Map.of("type", "Ready", "status", "False")),
                    "components", Map.of("predictor", Map.of("traffic", List.of(
                            Map.of("percent", 90, "latestRevision", false), Map.of("percent", 10, "latestRevision", true))))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            ".status.url|http://fraud.example.com",
            ".status.conditions[?(@.type==\"Ready\")].status|False",
            ".status.conditions[?(@.type=='PredictorReady')].status|True",
            ".status.components.predictor.traffic[?(@.latestRevision==true)].percent|10",
            ".status.components.predictor.traffic[0].percent|90",
            ".status.components.predictor.traffic[-1].percent|10",
            ".status.components.predictor.traffic[*].percent|90,10",
            ".metadata.labels['app.kubernetes.io/name']|fraud",
            "{.metadata.name}|fraud-scorer",
            ".status.missing.deeper|''",
            ".status.conditions[?(@.type==|''",
            "not a path|''"})
    void evaluatesThePrinterColumnSubsetOfJsonPath(String path, String expected) {
        assertThat(JsonPath.text(ISVC, path)).isEqualTo(expected);
    }

    @Test
    void aCrdProjectsItsStorageVersionAndPrinterColumnsAndItsObjectsUseThem() {
        KubeObject crd = KubeObject.of(Map.of("metadata", Map.of("name", "inferenceservices.serving.kserve.io", "uid", "c1"),
                "spec", Map.of("group", "serving.kserve.io", "scope", "Namespaced",
                        "names", Map.of("kind", "InferenceService", "plural", "inferenceservices"),
                        "versions", List.of(Map.of("name", "v1beta1", "served", true, "storage", true,
                                "additionalPrinterColumns", List.of(
                                        Map.of("name", "URL", "type", "string", "jsonPath", ".status.url"),
                                        Map.of("name", "Ready", "type", "string",
                                                "jsonPath", ".status.conditions[?(@.type==\"Ready\")].status"),
                                        Map.of("name", "Prev", "type", "integer", "priority", 1,
                                                "jsonPath", ".status.components.predictor.traffic[0].percent"))))),
                "status", Map.of("conditions", List.of(Map.of("type", "Established", "status", "True")))));
        CrdRow row = CrdKinds.project(crd);
        assertThat(row.version()).isEqualTo("v1beta1");
        assertThat(row.established()).isTrue();
        assertThat(row.printerColumns()).hasSize(3);

        var objects = CrdKinds.objectsOf(row);
        assertThat(objects.gvk().apiVersion()).isEqualTo("serving.kserve.io/v1beta1");
        assertThat(objects.columns()).extracting(c -> c.title()).containsExactly("Namespace", "Name", "URL", "Ready", "Age");
        var object = objects.project(KubeObject.of(Map.of("metadata", Map.of("name", "fraud-scorer", "namespace", "ml",
                "uid", "o1"), "status", ISVC.get("status"))));
        assertThat(CrdKinds.texts(objects, object).subList(0, 4))
                .containsExactly("ml", "fraud-scorer", "http://fraud.example.com", "False");
    }
}
