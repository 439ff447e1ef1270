package dev.pilothouse.core.action;

import dev.pilothouse.core.audit.AuditOutcome;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionResult;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.cluster.AccessDecision;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Runs actions: refuses in read-only mode, checks permission, reads the object, plans, asks for confirmation with
 * the exact requests, executes them. This is the first stage of the action engine: it executes merge, JSON and
 * strategic merge patches (of objects and subresources), creations and the HTTP calls of Alertmanager silences.
 * Deletion, dry-run, verification and the audit log arrive with the guided-actions work, in this class's place, so
 * that callers do not change.
 */
public final class ActionRunner {

    /** Kinds in this group are not Kubernetes objects (silences): there is nothing to read before planning. */
    public static final String HOST_GROUP = "pilothouse.dev";

    /** How {@link KubeWrites#canI} says that the server could not be asked (old servers, network). */
    private static final String UNCHECKED = "could not check access";

    private final ClusterService clusters;
    private final KubeWrites kube;
    private final PlanExecution execution;
    private final BooleanSupplier readOnly;
    private final Clock clock;
    private volatile ActionAudit audit = ActionAudit.none();

    /** The engine over the real clusters. */
    public ActionRunner(KubeClusterService clusters, ServiceCalls services, BooleanSupplier readOnly, Clock clock) {
        this(clusters, KubeWrites.of(clusters), services, readOnly, clock);
    }

    /**
     * @param clusters reads the object and what plans list
     * @param kube     checks permissions and sends Kubernetes mutations
     * @param services sends the HTTP calls of host services (Alertmanager)
     * @param readOnly whether read-only mode is on, asked at each run
     */
    public ActionRunner(ClusterService clusters, KubeWrites kube, ServiceCalls services, BooleanSupplier readOnly,
                        Clock clock) {
        this.clusters = clusters;
        this.kube = kube;
        this.execution = new PlanExecution(kube, services);
        this.readOnly = readOnly;
        this.clock = clock;
    }

    /** Records every run in this audit from now on (the app's tamper-evident log). */
    public ActionRunner auditedBy(ActionAudit audit) {
        this.audit = audit;
        return this;
    }

    /**
     * Checks, plans, confirms and executes; see {@link dev.pilothouse.sdk.ui.UiServices#runAction}. Fails with an
     * {@link ActionException} (possibly wrapped in a {@link CompletionException}) that says why nothing, or what
     * part, was done.
     */
    public CompletableFuture<ActionResult> run(Action action, ActionTarget target, Map<String, String> parameters,
                                               Confirmer confirmer) {
        // Read-only mode comes first: nothing is asked of the cluster, not even an access review.
        if (readOnly.getAsBoolean()) {
            return refused(action, target, parameters, "Read-only mode is on: " + action.label() + " on "
                    + target.display() + " was not run.");
        }
        Optional<String> noAudit = audit.unavailable();
        if (noAudit.isPresent()) {
            return CompletableFuture.failedFuture(new ActionException("Actions are off: the audit log cannot record "
                    + "them (" + noAudit.get() + "). " + action.label() + " on " + target.display() + " was not run."));
        }
        KubeObject[] before = new KubeObject[1];
        ActionPlan[] planned = new ActionPlan[1];
        CompletableFuture<ActionResult> result = checkAccess(action, target)
                .thenCompose(allowed -> readObject(target))
                .thenApply(object -> {
                    before[0] = object;
                    return plan(action, target, object, parameters);
                })
                .thenCompose(plan -> confirmer.confirm(action, target, plan).thenCompose(go -> {
                    if (!go) {
                        return CompletableFuture.failedFuture(new ActionException("Cancelled: " + plan.summary()));
                    }
                    planned[0] = plan;
                    return execution.run(plan).thenApply(lines -> new ActionResult(plan.summary(), lines));
                }));
        // Success is reported only once its record is on disk; a run that sent something and failed is recorded
        // too. Refusals before anything was sent (denied access, a plan the state does not allow) are recorded as such.
        return result.handle((done, failure) -> {
            if (failure == null) {
                append(AuditEntries.of(action, target, parameters, planned[0], before[0],
                        AuditOutcome.succeeded(String.join("; ", done.responses()))));
                return done;
            }
            Throwable cause = unwrap(failure);
            String message = messageOf(cause);
            if (planned[0] != null) {
                append(AuditEntries.of(action, target, parameters, planned[0], before[0], AuditOutcome.failed(message)));
            } else if (!message.startsWith("Cancelled: ")) {
                append(AuditEntries.of(action, target, parameters, null, before[0], AuditOutcome.refused(message)));
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(cause);
        });
    }

    private CompletableFuture<ActionResult> refused(Action action, ActionTarget target, Map<String, String> parameters,
                                                    String reason) {
        try {
            if (audit.unavailable().isEmpty()) {
                audit.record(AuditEntries.of(action, target, parameters, null, null, AuditOutcome.refused(reason)));
            }
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(new ActionException(reason + " (and the audit log could not "
                    + "record the refusal: " + e.getMessage() + ")"));
        }
        return CompletableFuture.failedFuture(new ActionException(reason));
    }

    /** Appends a record, or fails the run saying the change happened but was not recorded. */
    private void append(dev.pilothouse.core.audit.AuditEntry entry) {
        try {
            audit.record(entry);
        } catch (java.io.IOException e) {
            throw new CompletionException(new ActionException("The audit log could not record " + entry.action()
                    + " on " + entry.target().kind() + " " + entry.target().namespace() + "/" + entry.target().name()
                    + " (outcome: " + entry.outcome().status().json() + "): " + e.getMessage()));
        }
    }

    /**
     * Asks the server whether the user may do what the action needs, on exactly this object (or, to create, in its
     * namespace). A review that cannot be made does not refuse: the server's own 403 stays the final word.
     */
    private CompletableFuture<Void> checkAccess(Action action, ActionTarget target) {
        if (HOST_GROUP.equals(target.gvk().group())) {
            return CompletableFuture.completedFuture(null);
        }
        Action.AccessRequirement need = action.access();
        String name = need.verb().equals("create") ? "" : target.name();
        return kube.canI(target.cluster(), need.verb(), target.gvk(), target.namespace(), name, need.subresource())
                .thenApply(decision -> {
                    if (!decision.allowed() && !decision.reason().startsWith(UNCHECKED)) {
                        throw new CompletionException(new ActionException(denied(action, target, need, decision)));
                    }
                    return null;
                });
    }

    private static String denied(Action action, ActionTarget target, Action.AccessRequirement need,
                                 AccessDecision decision) {
        return "You may not " + need.verb() + " " + target.gvk().qualifiedPlural()
                + (need.subresource().isEmpty() ? "" : " (subresource " + need.subresource() + ")")
                + (target.namespace().isEmpty() ? "" : " in namespace " + target.namespace())
                + (decision.reason().isEmpty() ? "" : " (" + decision.reason() + ")")
                + ": " + action.label() + " on " + target.display() + " was not run.";
    }

    private CompletableFuture<KubeObject> readObject(ActionTarget target) {
        if (HOST_GROUP.equals(target.gvk().group())) {
            return CompletableFuture.completedFuture(KubeObject.of(Map.of()));
        }
        return clusters.get(target.cluster(), target.gvk(), target.namespace(), target.name())
                .exceptionally(failure -> {
                    throw new CompletionException(new ActionException("Could not read " + target.display()
                            + " before planning: " + messageOf(unwrap(failure))));
                });
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
            Optional<String> unsupported = PlanExecution.unsupported(plan);
            if (unsupported.isPresent()) {
                // Refused before the confirmation, so nobody confirms a change that cannot happen.
                throw new ActionException(unsupported.get());
            }
            return plan;
        } catch (ActionException e) {
            throw new CompletionException(e);
        }
    }

    /** The failure inside the wrappers that futures add. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
