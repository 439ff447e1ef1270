package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The READY, STATUS and RESTARTS texts kubectl shows for a pod, derived the way its printer derives them. */
final class PodStatusText {

  private PodStatusText() {}

  static String readyCount(JsonNode pod) {
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode c : pod.path("status").path("containerStatuses")) {
      if (c.path("ready").asBoolean()) {
        ready++;
      }
    }
    return ready + "/" + total;
  }

  static String status(JsonNode pod) {
    JsonNode status = pod.path("status");
    String reason = status.path("reason").asText(status.path("phase").asText("Unknown"));
    for (JsonNode c : status.path("initContainerStatuses")) {
      JsonNode state = c.path("state");
      if (state.has("terminated") && state.path("terminated").path("exitCode").asInt() != 0) {
        return "Init:" + state.path("terminated").path("reason").asText("Error");
      }
      if (state.has("waiting") && !state.path("waiting").path("reason").asText().equals("PodInitializing")) {
        return "Init:" + state.path("waiting").path("reason").asText();
      }
    }
    boolean hasRunning = false;
    for (JsonNode c : status.path("containerStatuses")) {
      JsonNode state = c.path("state");
      if (state.has("waiting") && !state.path("waiting").path("reason").asText().isEmpty()) {
        reason = state.path("waiting").path("reason").asText();
      } else if (state.has("terminated") && !state.path("terminated").path("reason").asText().isEmpty()) {
        reason = state.path("terminated").path("reason").asText();
      } else if (state.has("running") && c.path("ready").asBoolean()) {
        hasRunning = true;
      }
    }
    if (reason.equals("Completed") && hasRunning) {
      reason = "Running";
    }
    if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
      reason = "Terminating";
    }
    return reason;
  }

  static String restarts(JsonNode pod) {
    int restarts = 0;
    String lastRestart = null;
    for (JsonNode c : pod.path("status").path("containerStatuses")) {
      restarts += c.path("restartCount").asInt();
      String finished = c.path("lastState").path("terminated").path("finishedAt").asText("");
      if (!finished.isEmpty() && (lastRestart == null || finished.compareTo(lastRestart) > 0)) {
        lastRestart = finished;
      }
    }
    if (restarts > 0 && lastRestart != null) {
      try {
        Instant.parse(lastRestart);
        return restarts + " (" + TableRenderer.since(lastRestart) + " ago)";
      } catch (RuntimeException e) {
        return String.valueOf(restarts);
      }
    }
    return String.valueOf(restarts);
  }
}
