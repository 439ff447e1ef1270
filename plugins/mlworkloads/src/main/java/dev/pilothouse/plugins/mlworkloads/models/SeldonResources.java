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

/** Status adapters for Seldon Core 2 Models and Experiments (mlops.seldon.io/v1alpha1). */
public final class SeldonResources {

    public static final GroupVersionKind MODEL = new GroupVersionKind("mlops.seldon.io", "v1alpha1", "Model", "models");
    public static final GroupVersionKind EXPERIMENT =
            new GroupVersionKind("mlops.seldon.io", "v1alpha1", "Experiment", "experiments");

    private static final String CONTROLLER = "The Seldon Core operator";

    private SeldonResources() {
    }

    public static ModelRow model(KubeObject o) {
        Optional<Condition> ready = readiness(o, "ModelReady");
        int desired = o.hasNumber("status", "replicas") ? (int) o.number("status", "replicas")
                : o.hasNumber("spec", "replicas") ? (int) o.number("spec", "replicas") : -1;
        int available = o.hasNumber("status", "availableReplicas") ? (int) o.number("status", "availableReplicas") : -1;
        return new ModelRow(o.uid(), o.namespace().intern(), o.name(), "Model", o.name(),
                ready.map(Condition::isTrue).orElse(false), available, desired, "", "", -1, failure(ready),
                modelHealth(o, ready, available, desired));
    }

    /** The kind's own readiness condition, else the generic Ready. */
    private static Optional<Condition> readiness(KubeObject o, String type) {
        return Condition.of(o, type).or(() -> Condition.of(o, "Ready"));
    }

    private static String failure(Optional<Condition> ready) {
        return ready.filter(Condition::isFalse).map(c -> InferenceServices.join(c.reason(), c.message())).orElse("");
    }

    /**
     * Seldon writes the scheduler's model state as the condition reason (ModelAvailable, ModelProgressing,
     * ModelFailed, ScheduleFailed, ...): a named failure is Failed, any other not-ready state is still on its way.
     */
    static Health modelHealth(KubeObject o, Optional<Condition> ready, int available, int desired) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        if (!Generations.caughtUp(o)) {
            return StatusHealth.reconciling(CONTROLLER);
        }
        if (ready.isEmpty()) {
            return Health.of(HealthState.UNKNOWN, "NoReadyCondition", "Seldon reports no ModelReady condition");
        }
        Condition c = ready.get();
        if (c.isTrue() && available >= 0 && desired > 0 && available < desired) {
            return Health.of(HealthState.DEGRADED, available + " of " + desired + " available", c.message());
        }
        if (c.isFalse() && !c.reason().contains("Fail")) {
            return Health.of(HealthState.PROGRESSING, c.reasonOr("NotReady"), c.message());
        }
        return StatusHealth.fromReady(c, HealthState.FAILED);
    }

    public static ModelRow experiment(KubeObject o) {
        Optional<Condition> ready = readiness(o, "ExperimentReady");
        return new ModelRow(o.uid(), o.namespace().intern(), o.name(), "Experiment", o.string("spec", "default"),
                ready.map(Condition::isTrue).orElse(false), -1, -1, "", "", candidatePercent(o), failure(ready),
                experimentHealth(o, ready));
    }

    /** The share of traffic the candidates other than the default get, from their weights; -1 if nothing is split. */
    static int candidatePercent(KubeObject o) {
        List<KubeObject> candidates = o.objects("spec", "candidates");
        long total = candidates.stream().mapToLong(c -> c.number("weight")).sum();
        if (candidates.size() < 2 || total <= 0) {
            return -1;
        }
        String defaultModel = o.string("spec", "default");
        long others = candidates.stream().filter(c -> !c.string("name").equals(defaultModel))
                .mapToLong(c -> c.number("weight")).sum();
        return (int) Math.round(100.0 * others / total);
    }

    /** An experiment that is not ready still leaves the default model serving, so it degrades rather than fails. */
    static Health experimentHealth(KubeObject o, Optional<Condition> ready) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        if (ready.isEmpty()) {
            return Health.of(HealthState.UNKNOWN, "NoReadyCondition", "Seldon reports no ExperimentReady condition");
        }
        if (ready.get().isFalse()) {
            for (String type : List.of("CandidatesReady", "MirrorReady")) {
                var part = Condition.of(o, type).filter(Condition::isFalse);
                if (part.isPresent()) {
                    return Health.of(HealthState.DEGRADED, part.get().reasonOr(type), part.get().message());
                }
            }
        }
        return StatusHealth.fromReady(ready.get(), HealthState.DEGRADED);
    }
}
