package dev.pilothouse.core.action;

import dev.pilothouse.core.audit.AuditEntry;
import dev.pilothouse.core.audit.AuditOutcome;
import dev.pilothouse.core.audit.AuditTarget;
import dev.pilothouse.core.audit.SentRequest;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit record of one run of an action, from what the runner knows: who (the local user; the Kubernetes
 * identity once the engine asks the server with a SelfSubjectReview), what, the exact requests, and the outcome.
 * Bodies are recorded as sent: no action of the catalogue sends secret values, and one that would must not reach
 * here unredacted.
 */
final class AuditEntries {

    private AuditEntries() {
    }

    static AuditEntry of(Action action, ActionTarget target, Map<String, String> parameters, ActionPlan plan,
                         KubeObject before, AuditOutcome outcome) {
        String user = System.getProperty("user.name", "");
        List<SentRequest> requests = new ArrayList<>();
        if (plan != null) {
            for (Mutation m : plan.mutations()) {
                requests.add(request(m));
            }
        }
        String versionBefore = before == null ? "" : before.resourceVersion();
        return new AuditEntry(user, "", target.cluster(), action.id(),
                new AuditTarget(target.gvk().kind(), target.namespace(), target.name()), parameters, requests, false,
                plan == null ? "" : user, outcome,
                versionBefore.isEmpty() ? Optional.empty() : Optional.of(versionBefore), Optional.empty());
    }

    private static SentRequest request(Mutation m) {
        return switch (m) {
            case Mutation.Patch p -> sent(KubeRequest.of(p));
            case Mutation.Create c -> sent(KubeRequest.of(c));
            case Mutation.Delete d -> sent(KubeRequest.of(d));
            case Mutation.HttpCall h -> new SentRequest(h.method(), h.service() + ":" + h.path(),
                    h.body().isEmpty() ? "" : "application/json", h.body());
        };
    }

    private static SentRequest sent(KubeRequest r) {
        return new SentRequest(r.method(), r.path(), r.contentType(), r.body());
    }
}
