package dev.pilothouse.core.metrics.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.core.metrics.endpoint.HttpResult;
import dev.pilothouse.sdk.metrics.Sample;
import dev.pilothouse.sdk.metrics.Series;

import java.io.IOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /api/v1/query} and {@code /api/v1/query_range} answers with Jackson's streaming parser, straight into
 * compact arrays: a range query of a few hundred series by a thousand points never becomes a tree of objects.
 */
final class QueryResults {

    /** One series as read: labels and its points in parallel arrays. */
    private static final class RawSeries {
        Map<String, String> labels = Map.of();
        long[] times = new long[4];
        double[] values = new double[4];
        int size;

        void add(long time, double value) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = value;
            size++;
        }
    }

    private final String endpoint;
    private final JsonParser parser;
    private String status = "";
    private String errorType = "";
    private String error = "";
    private String resultType = "";
    private final List<RawSeries> series = new ArrayList<>();
    private boolean sawResult;

    private QueryResults(String endpoint, JsonParser parser) {
        this.endpoint = endpoint;
        this.parser = parser;
    }

    /** An instant query's answer: vectors as one sample per series, matrices as one sample per point. */
    static List<Sample> samples(HttpResult result, String endpoint) {
        QueryResults read = read(result, endpoint);
        List<Sample> out = new ArrayList<>();
        for (RawSeries s : read.series) {
            for (int i = 0; i < s.size; i++) {
                out.add(new Sample(s.labels, Instant.ofEpochMilli(s.times[i]), s.values[i]));
            }
        }
        return out;
    }

    /** A range query's answer. */
    static List<Series> series(HttpResult result, String endpoint) {
        QueryResults read = read(result, endpoint);
        List<Series> out = new ArrayList<>(read.series.size());
        for (RawSeries s : read.series) {
            out.add(new Series(s.labels, Arrays.copyOf(s.times, s.size), Arrays.copyOf(s.values, s.size)));
        }
        return out;
    }

    private static QueryResults read(HttpResult result, String endpoint) {
        Answers.requireJson(result, endpoint);
        QueryResults read;
        try (JsonParser parser = Answers.JSON.getFactory().createParser(result.body())) {
            read = new QueryResults(endpoint, parser);
            read.root();
        } catch (IOException e) {
            throw Answers.unreadable(result, endpoint, e);
        }
        if (read.status.equals("error")) {
            throw EndpointException.apiError(endpoint, result.status(), read.errorType, read.error);
        }
        Answers.requireOk(result, endpoint);
        if (!read.status.equals("success")) {
            throw EndpointException.malformed(endpoint, "status", "is '" + read.status + "', expected success or error");
        }
        if (!read.sawResult) {
            throw EndpointException.malformed(endpoint, "data.result", "is missing");
        }
        if (read.resultType.equals("string")) {
            throw EndpointException.malformed(endpoint, "data.resultType", "is string: the query returns text, not numbers");
        }
        if (!List.of("vector", "matrix", "scalar").contains(read.resultType)) {
            throw EndpointException.malformed(endpoint, "data.resultType", "is '" + read.resultType
                    + "', expected vector, matrix or scalar");
        }
        return read;
    }

    private void root() throws IOException {
        expect(parser.nextToken() == JsonToken.START_OBJECT, "should be an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "status" -> status = scalarText(value);
                case "errorType" -> errorType = scalarText(value);
                case "error" -> error = scalarText(value);
                case "data" -> data(value);
                default -> parser.skipChildren();
            }
        }
    }

    private void data(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        expect(token == JsonToken.START_OBJECT, "should be an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "resultType" -> resultType = scalarText(value);
                case "result" -> result(value);
                default -> parser.skipChildren();
            }
        }
    }

    private void result(JsonToken token) throws IOException {
        sawResult = true;
        expect(token == JsonToken.START_ARRAY, "should be an array");
        JsonToken first = parser.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            do {
                expect(parser.currentToken() == JsonToken.START_OBJECT, "should be an object");
                series.add(seriesObject());
            } while (parser.nextToken() != JsonToken.END_ARRAY);
            return;
        }
        // A scalar (or string) result: [time, "value"] without labels.
        RawSeries scalar = new RawSeries();
        if (resultType.equals("string")) {
            parser.skipChildren();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
            }
            return;
        }
        long time = time(first);
        double value = value(parser.nextToken());
        expect(parser.nextToken() == JsonToken.END_ARRAY, "should be [time, \"value\"]");
        scalar.add(time, value);
        series.add(scalar);
    }

    private RawSeries seriesObject() throws IOException {
        RawSeries s = new RawSeries();
        boolean points = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metric" -> s.labels = labels(value);
                case "value" -> {
                    point(value, s);
                    points = true;
                }
                case "values" -> {
                    expect(value == JsonToken.START_ARRAY, "should be an array of [time, \"value\"]");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        point(parser.currentToken(), s);
                    }
                    points = true;
                }
                default -> parser.skipChildren();
            }
        }
        if (!points) {
            throw malformed("has neither value nor values (native histograms are not supported)");
        }
        return s;
    }

    private Map<String, String> labels(JsonToken token) throws IOException {
        expect(token == JsonToken.START_OBJECT, "should be an object of labels");
        Map<String, String> labels = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            labels.put(name, scalarText(parser.nextToken()));
        }
        return labels;
    }

    private void point(JsonToken token, RawSeries into) throws IOException {
        expect(token == JsonToken.START_ARRAY, "should be [time, \"value\"]");
        long time = time(parser.nextToken());
        double value = value(parser.nextToken());
        expect(parser.nextToken() == JsonToken.END_ARRAY, "should be [time, \"value\"]");
        into.add(time, value);
    }

    /** Epoch seconds with a fraction, exact to the millisecond (no binary floating point on the way). */
    private long time(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDecimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
        throw malformed("should be a time in seconds");
    }

    private double value(JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw malformed("should be a sample value as a string");
        }
        String text = parser.getText();
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw malformed("is not a number: '" + text + "'");
                }
            }
        };
    }

    private String scalarText(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (!token.isScalarValue()) {
            throw malformed("should be a string");
        }
        return parser.getText();
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            throw malformed(problem);
        }
    }

    private EndpointException malformed(String problem) {
        return EndpointException.malformed(endpoint, field(), problem);
    }

    /** The parser's position as a field path: /data/result/3/value becomes data.result[3].value. */
    private String field() {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.isEmpty() ? "the answer" : path.toString();
    }
}
