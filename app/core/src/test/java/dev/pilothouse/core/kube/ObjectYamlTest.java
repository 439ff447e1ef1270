package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectYamlTest {

    @Test
    void secretValuesAreNeverRendered() {
        KubeObject secret = KubeObject.of(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "hf-token", "annotations",
                        Map.of("kubectl.kubernetes.io/last-applied-configuration", "{\"data\":{\"token\":\"aGZfc2VjcmV0\"}}")),
                "data", Map.of("token", "aGZfc2VjcmV0"), "stringData", Map.of("plain", "hunter2")));
        String yaml = ObjectYaml.of(secret);
        assertThat(yaml).doesNotContain("aGZfc2VjcmV0").doesNotContain("hunter2")
                .contains("token: \"(hidden, 9 bytes)\"").contains("plain: \"(hidden, 7 bytes)\"");
    }

    @Test
    void rendersLikeKubectlWithoutManagedFields() {
        KubeObject pod = KubeObject.of(Map.of("apiVersion", "v1", "kind", "Pod",
                "metadata", Map.of("name", "a", "managedFields", List.of(Map.of("manager", "kubectl")),
                        "labels", Map.of("version", "1.0", "enabled", "true"))));
        String yaml = ObjectYaml.of(pod);
        assertThat(yaml).contains("kind: Pod").contains("name: a").doesNotContain("managedFields").doesNotStartWith("---");
        assertThat(yaml).as("strings that would read as numbers or booleans stay quoted")
                .contains("version: \"1.0\"").contains("enabled: \"true\"");
    }
}
