package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.kube.KubeObject;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders objects as YAML for the detail pane, without the noise kubectl also hides (managedFields). */
public final class ObjectYaml {

    private ObjectYaml() {
    }

    /** The object as YAML, {@code metadata.managedFields} left out. */
    @SuppressWarnings("unchecked")
    public static String of(KubeObject object) {
        Map<String, Object> copy = new LinkedHashMap<>(object.raw());
        Object metadata = copy.get("metadata");
        if (metadata instanceof Map<?, ?> m) {
            Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) m);
            meta.remove("managedFields");
            copy.put("metadata", meta);
        }
        String yaml = Serialization.asYaml(copy);
        return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    }
}
