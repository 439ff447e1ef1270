package dev.pilothouse.plugins.mlworkloads.status;

import dev.pilothouse.sdk.kube.KubeObject;

/**
 * Whether a controller has seen the latest spec. Until it has, its phase and conditions describe an older spec and
 * must not be trusted (domain.md, Principles).
 */
public final class Generations {

    private Generations() {
    }

    /**
     * True when {@code status.observedGeneration >= metadata.generation}, or when either is absent (many controllers
     * never write observedGeneration). The number may be a string, as Argo Rollouts writes it.
     */
    public static boolean caughtUp(KubeObject object) {
        if (!object.hasNumber("status", "observedGeneration") || !object.hasNumber("metadata", "generation")) {
            return true;
        }
        return object.number("status", "observedGeneration") >= object.generation();
    }
}
