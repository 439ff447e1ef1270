package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.sdk.kube.KubeObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Loads YAML fixtures of objects as their controllers write them, through the path the app takes: Fabric8 reads a
 * GenericKubernetesResource and converts it to the JSON tree a {@link KubeObject} wraps.
 */
public final class Fixtures {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    public static KubeObject load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            GenericKubernetesResource resource = SERIALIZATION.unmarshal(in, GenericKubernetesResource.class);
            return KubeObject.of(SERIALIZATION.convertValue(resource, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
