package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.Generations;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Optional;

/**
 * Recognises Deployments that serve a model. There is no standard label, so an ordered list of label keys decides:
 * a Deployment carrying any of them serves a model, and the first key present names it.
 */
public final class ServingDeployments {

    public static final GroupVersionKind GVK = dev.pilothouse.plugins.mlworkloads.BuiltInKinds.DEPLOYMENTS;

    /**
     * The keys domain.md names that are specific to model serving, model names before the server label (whose
     * value is the server, such as vllm). The generic {@code app.kubernetes.io/*} keys are left out: nearly every
     * Deployment carries them, so they cannot tell a model server apart.
     */
    public static final List<String> DEFAULT_LABEL_KEYS = List.of(
            "ai.gke.io/model", "modelregistry.kubeflow.org/model-name", "ai.gke.io/inference-server");

    private static final String VERSION_LABEL = "app.kubernetes.io/version";
    private static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

    private final List<String> labelKeys;

    /** @param labelKeys label keys in order of preference; the first one present names the model */
    public ServingDeployments(List<String> labelKeys) {
        if (labelKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one label key is needed to recognise model-serving Deployments");
        }
        this.labelKeys = List.copyOf(labelKeys);
    }

    public ServingDeployments() {
        this(DEFAULT_LABEL_KEYS);
    }

    /**
     * The keys in order. Each is also a valid existence label selector; selectors cannot say "any of", so a list
     * watches one selector per key.
     */
    public List<String> labelKeys() {
        return labelKeys;
    }

    /** The model a Deployment serves: the value of the first listed key it carries. */
    public Optional<String> modelName(KubeObject deployment) {
        var labels = deployment.labels();
        return labelKeys.stream().filter(labels::containsKey).map(labels::get).findFirst();
    }

    /** Whether the Deployment serves a model. */
    public boolean serves(KubeObject deployment) {
        return modelName(deployment).isPresent();
    }

    /** The row; {@code model} is empty for a Deployment that serves no model, so a list can drop it. */
    public ModelRow project(KubeObject o) {
        int desired = o.hasNumber("spec", "replicas") ? (int) o.number("spec", "replicas") : 1;
        int available = (int) o.number("status", "availableReplicas");
        Health health = health(o, desired, available);
        return new ModelRow(o.uid(), o.namespace().intern(), o.name(), "Deployment", modelName(o).orElse(""),
                health.state() == HealthState.OK, available, desired, "", revision(o), -1, "", health);
    }

    private static String revision(KubeObject o) {
        String version = o.labels().getOrDefault(VERSION_LABEL, "");
        return version.isEmpty() ? o.annotations().getOrDefault(REVISION_ANNOTATION, "") : version;
    }

    /** kubectl rollout status in short (the clusters plugin has the full table; plugins share only the SDK). */
    static Health health(KubeObject o, int desired, int available) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus("The deployment controller");
        }
        if (o.flag("spec", "paused")) {
            return Health.of(HealthState.PAUSED, "Paused");
        }
        if (!Generations.caughtUp(o)) {
            return Health.of(HealthState.PROGRESSING, "Waiting for controller");
        }
        var progressing = Condition.of(o, "Progressing");
        if (progressing.filter(c -> "ProgressDeadlineExceeded".equals(c.reason())).isPresent()) {
            return Health.of(HealthState.FAILED, "ProgressDeadlineExceeded", progressing.get().message());
        }
        int updated = (int) o.number("status", "updatedReplicas");
        if (updated < desired) {
            return Health.of(HealthState.PROGRESSING, updated + " of " + desired + " updated");
        }
        if (available < desired) {
            return available == 0 ? Health.of(HealthState.FAILED, "Unavailable", "no replica is available")
                    : Health.of(HealthState.DEGRADED, available + " of " + desired + " available");
        }
        return Health.of(HealthState.OK, "Available");
    }
}
