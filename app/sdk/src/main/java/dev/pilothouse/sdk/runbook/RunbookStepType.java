package dev.pilothouse.sdk.runbook;

/**
 * A kind of runbook step, named by the info string of a fenced block. Built-in types are promql, k8s, confirm, wait,
 * link, note and sh; plugins add more.
 */
public interface RunbookStepType {

    /** The info string word, e.g. {@code promql}. Lower case, unique among step types. */
    String id();

    /** One line on what the step does, for the runbook format reference. */
    String description();

    /** Validates a block. The exception names the attribute at fault; the parser adds file and line. */
    StepDefinition parse(StepSource source) throws StepSyntaxException;

    /** Runs a step. Runs on a background thread; may block and must honour interruption. */
    StepResult run(StepDefinition step, StepContext context) throws InterruptedException;
}
