package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET .../pods/{name}/log} with the kubelet's rules and messages (container required when there are several,
 * waiting containers have no log, {@code previous} needs a restart) and the parameters {@code container},
 * {@code previous}, {@code timestamps}, {@code tailLines}, {@code sinceSeconds}, {@code sinceTime},
 * {@code limitBytes}.
 *
 * <p>{@code follow=true} is answered with the log so far and the stream then ends: the mock web server writes whole
 * responses, so a follower sees what a client sees when the kubelet closes the stream, and must reconnect (with
 * {@code sinceTime}) to continue.
 */
final class PodLogs {

  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  MockResponse get(ApiRequest request, JsonNode pod) {
    String podName = pod.path("metadata").path("name").asText();
    List<String> names = new ArrayList<>();
    pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
    String containerName = request.param("container");
    if (containerName == null || containerName.isEmpty()) {
      if (names.size() != 1) {
        return ApiResponses.badRequest("a container name must be specified for pod %s, choose one of: [%s]"
            .formatted(podName, String.join(" ", names)));
      }
      containerName = names.getFirst();
    }
    JsonNode container = find(pod.path("spec").path("containers"), containerName);
    if (container == null) {
      return ApiResponses.badRequest("container %s is not valid for pod %s".formatted(containerName, podName));
    }
    JsonNode instance = find(pod.path("status").path("containerStatuses"), containerName);
    boolean previous = request.flag("previous");
    if (previous) {
      if (instance == null || !instance.path("lastState").has("terminated")) {
        return ApiResponses.badRequest("previous terminated container \"%s\" in pod \"%s\" not found"
            .formatted(containerName, podName));
      }
    } else if (instance == null || (instance.path("state").has("waiting")
        && !instance.path("lastState").has("terminated"))) {
      String reason = instance == null ? "ContainerCreating"
          : instance.path("state").path("waiting").path("reason").asText("ContainerCreating");
      return ApiResponses.badRequest("container \"%s\" in pod \"%s\" is waiting to start: %s"
          .formatted(containerName, podName, reason));
    }
    Instant now = Instant.now();
    List<LogGenerator.Line> lines = LogGenerator.lines(pod, container, instance, previous, now);
    Instant since = since(request, now);
    if (since != null) {
      lines = lines.stream().filter(l -> !l.time().isBefore(since)).toList();
    }
    long tail = request.longParam("tailLines", -1);
    if (tail >= 0 && tail < lines.size()) {
      lines = lines.subList(lines.size() - (int) tail, lines.size());
    }
    boolean timestamps = request.flag("timestamps");
    StringBuilder body = new StringBuilder();
    for (LogGenerator.Line line : lines) {
      if (timestamps) {
        body.append(NANOS.format(line.time())).append(' ');
      }
      body.append(line.text()).append('\n');
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    long limit = request.longParam("limitBytes", -1);
    if (limit >= 0 && limit < bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, (int) limit);
    }
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
        .setBody(bytes);
  }

  private static @org.jspecify.annotations.Nullable Instant since(ApiRequest request, Instant now) {
    long seconds = request.longParam("sinceSeconds", -1);
    if (seconds > 0) {
      return now.minusSeconds(seconds);
    }
    String time = request.param("sinceTime");
    if (time != null && !time.isEmpty()) {
      try {
        return Instant.parse(time);
      } catch (RuntimeException e) {
        throw new ApiException(ApiResponses.badRequest("invalid sinceTime: " + time));
      }
    }
    return null;
  }

  private static @org.jspecify.annotations.Nullable JsonNode find(JsonNode array, String name) {
    for (JsonNode element : array) {
      if (element.path("name").asText().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
