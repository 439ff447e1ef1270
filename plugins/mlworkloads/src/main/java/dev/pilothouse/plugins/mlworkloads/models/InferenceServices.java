package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.plugins.mlworkloads.status.Condition;
import dev.pilothouse.plugins.mlworkloads.status.Generations;
import dev.pilothouse.plugins.mlworkloads.status.StatusHealth;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Status adapter for KServe InferenceServices (serving.kserve.io/v1beta1). */
public final class InferenceServices {

    public static final GroupVersionKind GVK =
            new GroupVersionKind("serving.kserve.io", "v1beta1", "InferenceService", "inferenceservices");

    private static final String CONTROLLER = "The KServe controller";
    private static final KubeObject NONE = KubeObject.of(Map.of());
    /** The component conditions that explain a Ready=False, most specific first. */
    private static final List<String> COMPONENT_CONDITIONS = List.of("PredictorReady", "TransformerReady",
            "ExplainerReady", "LatestDeploymentReady", "IngressReady", "RoutesReady");

    private InferenceServices() {
    }

    public static ModelRow project(KubeObject o) {
        KubeObject predictor = predictor(o);
        return new ModelRow(o.uid(), o.namespace().intern(), o.name(), "InferenceService", o.name(),
                Condition.of(o, "Ready").map(Condition::isTrue).orElse(false), -1, -1, o.string("status", "url"),
                latestRevision(predictor), canaryPercent(o, predictor), lastFailure(o), health(o));
    }

    private static KubeObject predictor(KubeObject o) {
        return o.object("status", "components", "predictor").orElse(NONE);
    }

    private static String latestRevision(KubeObject predictor) {
        String created = predictor.string("latestCreatedRevision");
        return created.isEmpty() ? predictor.string("latestReadyRevision") : created;
    }

    /**
     * The canary's share: what the status traffic split gives the latest revision when traffic is split, else what
     * the spec asks for while the split is not reported yet; -1 without a canary.
     */
    static int canaryPercent(KubeObject o, KubeObject predictor) {
        var traffic = predictor.objects("traffic");
        if (traffic.size() >= 2) {
            return traffic.stream().filter(t -> t.flag("latestRevision")).mapToInt(t -> (int) t.number("percent"))
                    .findFirst().orElse(-1);
        }
        if (traffic.isEmpty() && o.hasNumber("spec", "predictor", "canaryTrafficPercent")) {
            int asked = (int) o.number("spec", "predictor", "canaryTrafficPercent");
            return asked < 100 ? asked : -1;
        }
        return -1;
    }

    static String lastFailure(KubeObject o) {
        return o.object("status", "modelStatus", "lastFailureInfo").map(f -> join(f.string("reason"), f.string("message")))
                .orElse("");
    }

    static Health health(KubeObject o) {
        if (!StatusHealth.hasStatus(o)) {
            return StatusHealth.noStatus(CONTROLLER);
        }
        if (!Generations.caughtUp(o)) {
            return StatusHealth.reconciling(CONTROLLER);
        }
        String transition = o.string("status", "modelStatus", "transitionStatus");
        Optional<Condition> ready = Condition.of(o, "Ready");
        if (ready.isEmpty()) {
            return "InProgress".equals(transition) ? Health.of(HealthState.PROGRESSING, transition, "the model is loading")
                    : Health.of(HealthState.UNKNOWN, "NoReadyCondition", "KServe reports no Ready condition");
        }
        return switch (ready.get().status()) {
            case TRUE -> readyHealth(o);
            case UNKNOWN -> Health.of(HealthState.PROGRESSING, ready.get().reasonOr(StatusHealth.RECONCILING),
                    ready.get().message());
            case FALSE -> "InProgress".equals(transition)
                    ? Health.of(HealthState.PROGRESSING, transition, ready.get().message())
                    : notReady(o, ready.get());
        };
    }

    /** Ready, but a newer revision may be rolling out or have failed while traffic stays on the old one. */
    private static Health readyHealth(KubeObject o) {
        KubeObject predictor = predictor(o);
        String created = predictor.string("latestCreatedRevision");
        String serving = predictor.string("latestReadyRevision");
        if (!created.isEmpty() && !serving.isEmpty() && !created.equals(serving)) {
            var failure = o.object("status", "modelStatus", "lastFailureInfo");
            if (failure.isPresent()) {
                return Health.of(HealthState.DEGRADED, failure.get().string("reason").isEmpty() ? "RevisionFailed"
                                : failure.get().string("reason"),
                        "revision " + created + " failed; traffic stays on " + serving);
            }
            return Health.of(HealthState.PROGRESSING, "RollingOut", "revision " + created + " is not ready yet");
        }
        int canary = canaryPercent(o, predictor);
        return Health.of(HealthState.OK, "Ready", canary >= 0 ? "canary at " + canary + "% on " + created : "");
    }

    private static Health notReady(KubeObject o, Condition ready) {
        var failure = o.object("status", "modelStatus", "lastFailureInfo");
        if (failure.isPresent() && !failure.get().string("reason").isEmpty()) {
            return Health.of(HealthState.FAILED, failure.get().string("reason"), failure.get().string("message"));
        }
        for (String type : COMPONENT_CONDITIONS) {
            var component = Condition.of(o, type).filter(Condition::isFalse);
            if (component.isPresent()) {
                return Health.of(HealthState.FAILED, component.get().reasonOr(type), component.get().message());
            }
        }
        return Health.of(HealthState.FAILED, ready.reasonOr("NotReady"), ready.message());
    }

    static String join(String reason, String message) {
        return reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message;
    }
}
