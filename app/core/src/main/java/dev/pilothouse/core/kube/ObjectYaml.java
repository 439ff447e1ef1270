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

    private static String hiddenSize(String field, Object value) {
        String text = String.valueOf(value);
        // data is base64: decoded size is about 3/4 of the text.
        long bytes = field.equals("data") ? Math.round(text.replace("=", "").length() * 3.0 / 4) : text.length();
        return bytes + " bytes";
    }

    /** The object as YAML; a Secret's values are replaced by their size, so nothing secret is shown by accident. */
    @SuppressWarnings("unchecked")
    public static String of(KubeObject object) {
        Map<String, Object> copy = new LinkedHashMap<>(object.raw());
        if ("Secret".equals(object.kind()) && "v1".equals(object.apiVersion())) {
            for (String field : new String[] {"data", "stringData"}) {
                if (copy.get(field) instanceof Map<?, ?> values) {
                    Map<String, Object> masked = new LinkedHashMap<>();
                    values.forEach((k, v) -> masked.put(String.valueOf(k), "(hidden, " + hiddenSize(field, v) + ")"));
                    copy.put(field, masked);
                }
            }
            if (copy.get("metadata") instanceof Map<?, ?> m && ((Map<String, Object>) m).get("annotations") instanceof Map<?, ?> a
                    && a.containsKey("kubectl.kubernetes.io/last-applied-configuration")) {
                // kubectl apply keeps the whole secret, values included, in this annotation.
                Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) m);
                Map<String, Object> annotations = new LinkedHashMap<>((Map<String, Object>) a);
                annotations.put("kubectl.kubernetes.io/last-applied-configuration", "(hidden: contains the secret's values)");
                meta.put("annotations", annotations);
                copy.put("metadata", meta);
            }
        }
        if (copy.get("metadata") instanceof Map<?, ?> m2) {
            Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) m2);
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
