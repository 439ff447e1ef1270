package dev.pilothouse.sdk.action;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an action will do, computed before anything changes: shown as the preview, dry-run by the server where it
 * can, confirmed by the user, executed and recorded by the engine.
 *
 * @param summary      one line for people: "Scale deployment llama-7b from 2 to 3 replicas"
 * @param mutations    the exact changes, in order
 * @param verification how to check the outcome, or null when executing is enough
 * @param undo         the action (id and parameters) that would reverse this one, or null when none exists
 */
public record ActionPlan(String summary, List<Mutation> mutations, @Nullable Verification verification,
                         @Nullable UndoHint undo) {

    public ActionPlan {
        Objects.requireNonNull(summary, "summary");
        mutations = List.copyOf(mutations);
        if (mutations.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one mutation; report a no-op with ActionException");
        }
    }

    /**
     * An action that would reverse a plan.
     *
     * @param actionId   the reversing action
     * @param parameters its parameters
     */
    public record UndoHint(String actionId, Map<String, String> parameters) {
        public UndoHint {
            parameters = Map.copyOf(parameters);
        }
    }
}
