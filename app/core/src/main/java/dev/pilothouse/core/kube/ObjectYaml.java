package dev.pilothouse.core.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders objects as YAML the way kubectl shows them: quotes only where YAML needs them, no document marker, and
 * without {@code metadata.managedFields}, which kubectl also hides.
 */
public final class ObjectYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private ObjectYaml() {
    }

    /** The object as YAML. */
    @SuppressWarnings("unchecked")
    public static String of(KubeObject object) {
        Map<String, Object> copy = new LinkedHashMap<>(object.raw());
        if (copy.get("metadata") instanceof Map<?, ?> m) {
            Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) m);
            meta.remove("managedFields");
            copy.put("metadata", meta);
        }
        try {
            return YAML.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            return "# could not render this object as YAML: " + e.getOriginalMessage();
        }
    }
}
