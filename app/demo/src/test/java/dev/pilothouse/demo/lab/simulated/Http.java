package dev.pilothouse.demo.lab.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls to the simulated Prometheus, the way any Prometheus client makes them. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A status and the body read as JSON (null when it is not JSON). */
  record Answer(int status, String text, JsonNode json) {
  }

  private Http() {
  }

  static Answer get(URI base, String path, Map<String, String> params) throws IOException, InterruptedException {
    String query = params.isEmpty() ? "" : "?" + form(params);
    return answer(CLIENT.send(HttpRequest.newBuilder(base.resolve(path + query)).timeout(Duration.ofSeconds(30))
        .GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  static Answer get(URI base, String path) throws IOException, InterruptedException {
    return get(base, path, Map.of());
  }

  /** A POST with the parameters as a form, as the console's client sends queries. */
  static Answer postForm(URI base, String path, Map<String, String> params) throws IOException, InterruptedException {
    return answer(CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  private static Answer answer(HttpResponse<String> response) {
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    return new Answer(response.statusCode(), response.body(), json);
  }
}
