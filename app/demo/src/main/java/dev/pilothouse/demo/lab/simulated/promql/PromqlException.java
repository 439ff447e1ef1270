package dev.pilothouse.demo.lab.simulated.promql;

/**
 * A query that cannot be answered: malformed, wrongly typed, or valid PromQL outside the subset the simulated
 * Prometheus evaluates ({@link #unsupported()}). The message is meant for the user, as Prometheus' own are.
 */
public final class PromqlException extends RuntimeException {

  private final String construct;

  private PromqlException(String message, String construct) {
    super(message);
    this.construct = construct;
  }

  /** A query that is not valid PromQL, or whose types do not fit. */
  public static PromqlException invalid(String message) {
    return new PromqlException(message, "");
  }

  /** Valid PromQL that the simulated Prometheus does not evaluate; names the construct. */
  public static PromqlException unsupported(String construct) {
    return new PromqlException("the simulated demo Prometheus supports only a subset of PromQL: " + construct
        + " is not supported (install Prometheus for the full language)", construct);
  }

  /** Whether the query is valid PromQL outside the subset. */
  public boolean unsupported() {
    return !construct.isEmpty();
  }

  /** What the subset lacks, e.g. "the offset modifier"; "" for an invalid query. */
  public String construct() {
    return construct;
  }
}
