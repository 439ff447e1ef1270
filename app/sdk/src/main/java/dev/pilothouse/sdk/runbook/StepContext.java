package dev.pilothouse.sdk.runbook;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.metrics.Sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a running step may use. Everything that changes a cluster goes through {@link #runAction}. */
public interface StepContext {

    /** The cluster the runbook runs against. */
    String cluster();

    /** Bound parameters of the run. */
    Map<String, String> parameters();

    /** Substitutes {@code {{name}}} placeholders with parameters; unknown names are left as they are. */
    String interpolate(String text);

    /** Runs an instant PromQL query against the cluster's Prometheus. */
    List<Sample> query(String promql) throws Exception;

    /** Runs a catalogue action through the action engine (permission, preview, confirmation, audit). */
    ActionOutcome runAction(String actionId, ActionTarget target, Map<String, String> parameters) throws InterruptedException;

    /** Asks the person running the runbook; false when declined or when running unattended without consent. */
    boolean confirm(String prompt) throws InterruptedException;

    /** Waits, interruptibly (the run can be cancelled). */
    void pause(Duration duration) throws InterruptedException;

    /** Whether this is a dry run: actions are previewed and dry-run on the server, never applied. */
    boolean dryRun();

    /**
     * The outcome of an action run from a step.
     *
     * @param status  what happened
     * @param message details for people
     */
    record ActionOutcome(Status status, String message) {
        /** Outcomes of an action run. */
        public enum Status { SUCCEEDED, FAILED, REFUSED, CANCELLED }
    }
}
