package dev.pilothouse.sdk.action;

/**
 * The outcome of one evaluation of a verification check.
 *
 * @param status  done, still waiting, or failed
 * @param message progress or failure text for people (e.g. "2 of 3 updated replicas are available")
 */
public record CheckResult(Status status, String message) {

    /** Where the verified change stands. */
    public enum Status { DONE, WAITING, FAILED }

    public CheckResult {
        message = message == null ? "" : message;
    }

    public static CheckResult done(String message) {
        return new CheckResult(Status.DONE, message);
    }

    public static CheckResult waiting(String message) {
        return new CheckResult(Status.WAITING, message);
    }

    public static CheckResult failed(String message) {
        return new CheckResult(Status.FAILED, message);
    }
}
