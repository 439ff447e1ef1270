package dev.pilothouse.demo.apiserver;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request as the emulator sees it: method, decoded path segments, query parameters, headers and body. */
public record ApiRequest(
    HttpMethod method,
    String path,
    List<String> segments,
    Map<String, List<String>> query,
    @Nullable String contentType,
    @Nullable String accept,
    @Nullable String authorization,
    boolean websocketUpgrade,
    byte[] bodyBytes) {

  public static ApiRequest from(RecordedRequest request) {
    String target = request.getPath();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : target.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment));
      }
    }
    String upgrade = request.getHeader("Upgrade");
    byte[] body = request.getBody() == null || request.getBody().getBytes() == null
        ? new byte[0] : request.getBody().getBytes();
    return new ApiRequest(request.method(), path, List.copyOf(segments), query, request.getHeader("Content-Type"),
        request.getHeader("Accept"), request.getHeader("Authorization"),
        upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket"), body);
  }

  private static String decode(String s) {
    // '+' is a literal in paths and in Kubernetes selectors; only percent-escapes are decoded.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The body as UTF-8 text (JSON or YAML). */
  public String body() {
    return new String(bodyBytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether the body is Kubernetes protobuf (kubectl's typed clients send it). */
  public boolean protobufBody() {
    return contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf");
  }

  public @Nullable String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public boolean flag(String name) {
    String value = param(name);
    return value != null && (value.isEmpty() || value.equals("true") || value.equals("1"));
  }

  /** {@code dryRun=All}: validate and answer, persist nothing. */
  public boolean dryRun() {
    return "All".equals(param("dryRun"));
  }

  public long longParam(String name, long fallback) {
    String value = param(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
