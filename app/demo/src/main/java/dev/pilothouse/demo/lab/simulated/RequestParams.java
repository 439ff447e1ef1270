package dev.pilothouse.demo.lab.simulated;

import com.sun.net.httpserver.HttpExchange;
import dev.pilothouse.demo.lab.simulated.promql.Parser;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an API request, from its query string and, for a POST, its form body (the console sends
 * queries as forms so that long PromQL fits). Times and durations read as Prometheus reads them: seconds with
 * decimals or RFC 3339, and {@code 15}, {@code 15.5} or {@code 15s}.
 */
final class RequestParams {

  private final Map<String, List<String>> values;

  private RequestParams(Map<String, List<String>> values) {
    this.values = values;
  }

  static RequestParams of(HttpExchange exchange) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    add(values, exchange.getRequestURI().getRawQuery());
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (exchange.getRequestMethod().equals("POST") && type != null
        && type.startsWith("application/x-www-form-urlencoded")) {
      add(values, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }
    return new RequestParams(values);
  }

  static RequestParams of(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    add(values, rawQuery);
    return new RequestParams(values);
  }

  private static void add(Map<String, List<String>> values, String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  /** The parameter's first value, or "" when absent. */
  String get(String name) {
    List<String> all = values.get(name);
    return all == null || all.isEmpty() ? "" : all.getFirst();
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  String required(String name) {
    String value = get(name);
    if (value.isEmpty()) {
      throw PromqlException.invalid("invalid parameter \"" + name + "\": is missing");
    }
    return value;
  }

  /** A time parameter, or {@code fallback} when absent. */
  Instant time(String name, Instant fallback) {
    String text = get(name);
    return text.isEmpty() ? fallback : time(name, text);
  }

  Instant requiredTime(String name) {
    return time(name, required(name));
  }

  private static Instant time(String name, String text) {
    try {
      BigDecimal seconds = new BigDecimal(text);
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    } catch (NumberFormatException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw PromqlException.invalid("invalid parameter \"" + name + "\": cannot parse \"" + text
            + "\" to a valid timestamp");
      }
    }
  }

  Duration requiredDuration(String name) {
    String text = required(name);
    try {
      return Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValue());
    } catch (NumberFormatException e) {
      try {
        return Parser.parseDuration(text);
      } catch (PromqlException e2) {
        throw PromqlException.invalid("invalid parameter \"" + name + "\": cannot parse \"" + text
            + "\" to a valid duration");
      }
    }
  }
}
