package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;

import java.util.concurrent.CompletableFuture;

/** Shows a plan to the user and answers whether to go ahead (the desktop's confirmation sheet; a flag headless). */
@FunctionalInterface
public interface Confirmer {

    /** Completes with true to execute, false to cancel. */
    CompletableFuture<Boolean> confirm(Action action, ActionTarget target, ActionPlan plan);
}
