package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.sdk.metrics.Unit;

/**
 * What the models list shows of serving, whichever server exports it: request rate, p99 latency (a mean where the
 * server has no histogram), error ratio, time to first token (p95), generated tokens per second, queue depth and GPU
 * utilisation.
 */
public enum Measure {
    REQUEST_RATE("Req/s", Unit.PER_SECOND, Aggregation.SUM),
    LATENCY_P99("p99", Unit.SECONDS, Aggregation.MAX),
    ERROR_RATIO("Errors", Unit.RATIO, Aggregation.MAX),
    TIME_TO_FIRST_TOKEN("TTFT", Unit.SECONDS, Aggregation.MAX),
    TOKENS_PER_SECOND("Tok/s", Unit.PER_SECOND, Aggregation.SUM),
    QUEUE_DEPTH("Queue", Unit.COUNT, Aggregation.SUM),
    GPU_UTILISATION("GPU", Unit.PERCENT, Aggregation.MEAN);

    /**
     * How the figures of several pods or revisions of one model combine: rates and queues add up; a latency or an
     * error ratio is only as good as the worst replica (a canary at 10 % with 20 % errors must not average away).
     */
    public enum Aggregation { SUM, MAX, MEAN }

    private final String title;
    private final Unit unit;
    private final Aggregation aggregation;

    Measure(String title, Unit unit, Aggregation aggregation) {
        this.title = title;
        this.unit = unit;
        this.aggregation = aggregation;
    }

    public String title() {
        return title;
    }

    public Unit unit() {
        return unit;
    }

    public Aggregation aggregation() {
        return aggregation;
    }
}
