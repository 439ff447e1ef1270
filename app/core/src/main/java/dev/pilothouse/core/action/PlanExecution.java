package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends a confirmed plan's mutations one after the other, each exactly as previewed, and says what each did. The
 * first refusal stops the plan: later mutations are not sent, and the failure says which ones had already been.
 */
final class PlanExecution {

    private final KubeWrites kube;
    private final ServiceCalls services;

    PlanExecution(KubeWrites kube, ServiceCalls services) {
        this.kube = kube;
        this.services = services;
    }

    /**
     * Why the engine cannot execute a plan, if it cannot: checked before the confirmation, so nobody confirms a
     * change that cannot happen.
     */
    static Optional<String> unsupported(ActionPlan plan) {
        for (Mutation m : plan.mutations()) {
            boolean kubernetes = !(m instanceof Mutation.HttpCall);
            if (kubernetes && ActionRunner.HOST_GROUP.equals(m.target().gvk().group())) {
                return Optional.of(m.target().display() + " is not a Kubernetes object; nothing was changed.");
            }
            switch (m) {
                case Mutation.Delete d -> {
                    return Optional.of("Deleting objects (" + d.target().display() + ") is not enabled in this "
                            + "version; nothing was changed.");
                }
                case Mutation.Patch p when p.target().name().isEmpty() -> {
                    return Optional.of("A patch needs the name of the object it changes; nothing was changed.");
                }
                default -> {
                    // executable
                }
            }
        }
        return Optional.empty();
    }

    /** Executes every mutation in order; completes with one line per mutation. */
    CompletableFuture<List<String>> run(ActionPlan plan) {
        List<String> done = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Mutation mutation : plan.mutations()) {
            chain = chain.thenCompose(ignored -> execute(mutation)).thenAccept(done::add);
        }
        return chain.handle((ignored, failure) -> {
            if (failure == null) {
                return List.copyOf(done);
            }
            throw new CompletionException(refusal(plan, done, failure));
        });
    }

    private CompletableFuture<String> execute(Mutation mutation) {
        return switch (mutation) {
            case Mutation.HttpCall c -> services.call(c.target().cluster(), c.service(), c.method(), c.path(), c.body())
                    .thenApply(answer -> answer.status() + " " + answer.body().strip());
            case Mutation.Patch p -> send(p.target(), KubeRequest.of(p)).thenApply(o -> "patched "
                    + p.target().display() + (p.subresource().isEmpty() ? "" : " " + p.subresource())
                    + version(o));
            case Mutation.Create c -> send(c.target(), KubeRequest.of(c)).thenApply(o -> "created "
                    + new ActionTarget(c.target().cluster(), c.target().gvk(), o.namespace(), o.name()).display()
                    + version(o));
            case Mutation.Delete d -> CompletableFuture.failedFuture(new ActionException(
                    "Deleting objects is not enabled in this version")); // refused before confirming already
        };
    }

    private CompletableFuture<KubeObject> send(ActionTarget target, KubeRequest request) {
        return kube.send(target.cluster(), request.method(), request.path(), request.contentType(), request.body());
    }

    private static String version(KubeObject answer) {
        return answer.resourceVersion().isEmpty() ? "" : " (resourceVersion " + answer.resourceVersion() + ")";
    }

    private static ActionException refusal(ActionPlan plan, List<String> done, Throwable failure) {
        Throwable cause = ActionRunner.unwrap(failure);
        StringBuilder message = new StringBuilder("Not done: ").append(plan.summary()).append(": ")
                .append(ActionRunner.messageOf(cause));
        if (!done.isEmpty()) {
            message.append(" (already done before the failure: ").append(String.join("; ", done)).append(')');
        }
        return new ActionException(message.toString());
    }
}
