package dev.pilothouse.plugins.clusters;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pilothouse.sdk.kube.KubeObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Loads JSON fixtures of real-shaped Kubernetes objects. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    @SuppressWarnings("unchecked")
    public static KubeObject load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return KubeObject.of(JSON.readValue(in, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
