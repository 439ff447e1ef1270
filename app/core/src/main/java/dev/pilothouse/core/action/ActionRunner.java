package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionResult;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Runs actions: refuses in read-only mode, plans, asks for confirmation with the exact plan, executes. This is the
 * first stage of the action engine: it executes the HTTP calls of Alertmanager silences; Kubernetes mutations,
 * permission checks, dry-run, verification and the audit log arrive with the guided-actions work, in this class's
 * place, so that callers do not change.
 */
public final class ActionRunner {

    /** Kinds in this group are not Kubernetes objects (silences): there is nothing to read before planning. */
    public static final String HOST_GROUP = "pilothouse.dev";

    private final ClusterService clusters;
    private final ServiceCalls services;
    private final BooleanSupplier readOnly;
    private final Clock clock;

    public ActionRunner(ClusterService clusters, ServiceCalls services, BooleanSupplier readOnly, Clock clock) {
        this.clusters = clusters;
        this.services = services;
        this.readOnly = readOnly;
        this.clock = clock;
    }

    /** Plans, confirms and executes; see {@link dev.pilothouse.sdk.ui.UiServices#runAction}. */
    public CompletableFuture<ActionResult> run(Action action, ActionTarget target, Map<String, String> parameters,
                                               Confirmer confirmer) {
        if (readOnly.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ActionException(
                    "Read-only mode is on: " + action.label() + " on " + target.display() + " was not run."));
        }
        return readObject(target)
                .thenApply(object -> plan(action, target, object, parameters))
                .thenCompose(plan -> confirmer.confirm(action, target, plan).thenCompose(go -> {
                    if (!go) {
                        return CompletableFuture.failedFuture(new ActionException("Cancelled: " + plan.summary()));
                    }
                    return execute(target, plan);
                }));
    }

    private CompletableFuture<KubeObject> readObject(ActionTarget target) {
        if (HOST_GROUP.equals(target.gvk().group())) {
            return CompletableFuture.completedFuture(KubeObject.of(Map.of()));
        }
        return clusters.get(target.cluster(), target.gvk(), target.namespace(), target.name());
    }

    private ActionPlan plan(Action action, ActionTarget target, KubeObject object, Map<String, String> parameters) {
        PlanContext context = new PlanContext() {
            @Override
            public ActionTarget target() {
                return target;
            }

            @Override
            public KubeObject object() {
                return object;
            }

            @Override
            public Map<String, String> parameters() {
                return parameters;
            }

            @Override
            public List<KubeObject> list(GroupVersionKind gvk, String namespace, String labelSelector) {
                return clusters.list(target.cluster(), gvk, new WatchScope(namespace, labelSelector)).join();
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
        try {
            ActionPlan plan = action.plan(context);
            if (!plan.mutations().stream().allMatch(m -> m instanceof Mutation.HttpCall)) {
                // Refused before the confirmation, so nobody confirms a change that cannot happen.
                throw new ActionException("Changes to Kubernetes objects are not enabled in this version; "
                        + "nothing was changed.");
            }
            return plan;
        } catch (ActionException e) {
            throw new CompletionException(e);
        }
    }

    private CompletableFuture<ActionResult> execute(ActionTarget target, ActionPlan plan) {
        CompletableFuture<List<String>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (Mutation mutation : plan.mutations()) {
            Mutation.HttpCall call = (Mutation.HttpCall) mutation; // checked when planned
            done = done.thenCompose(lines -> services.call(target.cluster(), call.service(), call.method(),
                    call.path(), call.body()).thenApply(answer -> {
                        lines.add(answer.status() + " " + answer.body().strip());
                        return lines;
                    }));
        }
        return done.thenApply(lines -> new ActionResult(plan.summary(), lines));
    }
}
