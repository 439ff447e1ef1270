package dev.pilothouse.plugins.mlworkloads.models.serving;

import dev.pilothouse.sdk.metrics.Sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serving figures of one cluster at one moment, from the answers of {@link ServingQueries}, and the figures of
 * one model: for each measure, the first family (in query order) whose series name the model. Series name a model
 * by its model label, or by the pod or Knative revision that exported them (whose names start with the
 * Deployment's or InferenceService's).
 */
public final class ServingFigures {

    /** One figure and where it came from. */
    public record Figure(double value, String family, boolean average) {
    }

    /** A query's answer. */
    public record Answer(ServingQuery query, List<Sample> samples) {
    }

    public static final ServingFigures NONE = new ServingFigures(List.of());

    private final List<Answer> answers;
    private final Map<String, Map<Measure, Figure>> byModel = new ConcurrentHashMap<>();

    public ServingFigures(List<Answer> answers) {
        this.answers = List.copyOf(answers);
    }

    /** Whether any query answered with a series. */
    public boolean isEmpty() {
        return answers.stream().allMatch(a -> a.samples().isEmpty());
    }

    /** The families that answered, for the list's footnote. */
    public List<String> families() {
        return answers.stream().filter(a -> !a.samples().isEmpty()).map(a -> a.query().family()).distinct().toList();
    }

    /**
     * The figures of one model.
     *
     * @param namespace the object's namespace
     * @param name      the object's name (a Deployment, an InferenceService)
     * @param kind      the object's kind, which says how its pods and revisions are named
     * @param model     the model it serves, as its labels or spec name it; may be empty
     */
    public Map<Measure, Figure> of(String namespace, String name, String kind, String model) {
        return byModel.computeIfAbsent(namespace + "/" + name + "/" + kind + "/" + model,
                k -> compute(namespace, name, kind, model));
    }

    private Map<Measure, Figure> compute(String namespace, String name, String kind, String model) {
        Map<Measure, Figure> figures = new EnumMap<>(Measure.class);
        for (Answer answer : answers) {
            Measure measure = answer.query().measure();
            if (figures.containsKey(measure)) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (Sample s : answer.samples()) {
                if (Double.isFinite(s.value()) && about(s, answer.query().key(), namespace, name, kind, model)) {
                    values.add(s.value());
                }
            }
            if (!values.isEmpty()) {
                figures.put(measure, new Figure(combine(values, measure.aggregation()), answer.query().family(),
                        answer.query().average()));
            }
        }
        return figures;
    }

    static boolean about(Sample s, ServingQuery.Key key, String namespace, String name, String kind, String model) {
        String seriesNamespace = s.labels().getOrDefault(key.namespaceLabel(), "");
        if (!seriesNamespace.isEmpty() && !seriesNamespace.equals(namespace)) {
            return false;
        }
        String value = s.labels().getOrDefault(key.label(), "");
        if (value.isEmpty()) {
            return false;
        }
        if (key.byPrefix()) {
            var names = key == ServingQuery.Key.POD ? ObjectNames.pods(kind, name) : ObjectNames.revisions(kind, name);
            return names.map(regex -> ObjectNames.matches(regex, value)).orElse(false);
        }
        return value.equals(model) || value.equals(name);
    }

    private static double combine(List<Double> values, Measure.Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
            case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        };
    }
}
