package dev.pilothouse.plugins.mlworkloads.models.serving;

import java.util.List;

/**
 * One PromQL query for one measure of one family of model servers, and how its series name the model they are
 * about.
 *
 * @param family   the server family ({@code vLLM}, {@code Triton}...)
 * @param measure  what it measures
 * @param promql   the query, grouped by the labels {@code key} reads (and namespace where the series have one)
 * @param key      how a series names its model
 * @param requires the metric names the query reads; it runs only when all have series
 * @param average  true when the server reports no histogram, so the latency is a mean and not a percentile
 */
public record ServingQuery(String family, Measure measure, String promql, Key key, List<String> requires,
                           boolean average) {

    /** Where a query's selectors take extra label matchers. */
    static final String MATCHERS = "@@";

    public ServingQuery {
        requires = List.copyOf(requires);
    }

    /** The query over every model, for the list. */
    public String forAll() {
        return withMatchers("");
    }

    /**
     * The query over one model only, for its charts: its model label, or its own pods or revisions (see
     * {@link ObjectNames}); empty when the query cannot tell this model's series apart (a Seldon Model's pods are
     * its Server's).
     *
     * @param kind the object's kind: {@code Deployment}, {@code InferenceService}, {@code Model}...
     */
    public java.util.Optional<String> forModel(String namespace, String name, String kind, String model) {
        java.util.Optional<String> names = switch (key) {
            case MODEL_NAME, MODEL -> java.util.Optional.of(ObjectNames.escape(model.isEmpty() ? name : model) + "|"
                    + ObjectNames.escape(name));
            case POD -> ObjectNames.pods(kind, name);
            case REVISION -> ObjectNames.revisions(kind, name);
        };
        return names.map(regex -> {
            String matcher = key.label() + "=~\"" + promqlString(regex) + "\"";
            return withMatchers(key.byPrefix() ? key.namespaceLabel() + "=\"" + promqlString(namespace) + "\","
                    + matcher : matcher);
        });
    }

    /** How the chart's legend names a series: the model, the pod or the revision. */
    public String legendFormat() {
        return "{{" + key.label() + "}}";
    }

    private String withMatchers(String matchers) {
        String inEmpty = promql.replace(MATCHERS + "}", matchers + "}");
        return inEmpty.replace(MATCHERS, matchers.isEmpty() ? "" : matchers + ",");
    }

    /** The text inside a PromQL double-quoted string: backslashes and quotes escaped. */
    private static String promqlString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** How a series names the model it is about. */
    public enum Key {
        /** A model label ({@code model_name} for vLLM and KServe, {@code model} for Triton and Seldon). */
        MODEL_NAME("model_name"),
        MODEL("model"),
        /** Only the scraped pod: the model is the Deployment or InferenceService whose name starts the pod's. */
        POD("pod"),
        /** A Knative revision: {@code <inferenceservice>-predictor-00002}. */
        REVISION("revision_name");

        private final String label;

        Key(String label) {
            this.label = label;
        }

        /** The label holding the model, pod or revision name. */
        public String label() {
            return label;
        }

        /** The label holding the namespace. */
        public String namespaceLabel() {
            return this == REVISION ? "namespace_name" : "namespace";
        }

        /** Whether the name is a prefix-matched object name (pod, revision) rather than the model's own name. */
        public boolean byPrefix() {
            return this == POD || this == REVISION;
        }
    }
}
