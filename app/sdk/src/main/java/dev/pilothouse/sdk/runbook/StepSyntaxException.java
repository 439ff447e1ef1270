package dev.pilothouse.sdk.runbook;

/** A step block is malformed. The message names the field; the runner adds the file and line. */
public class StepSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The attribute at fault, or empty when the block as a whole is. */
    private final String field;

    public StepSyntaxException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
