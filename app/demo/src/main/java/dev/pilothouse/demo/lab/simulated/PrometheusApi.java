package dev.pilothouse.demo.lab.simulated;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pilothouse.demo.lab.simulated.promql.PromqlException;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulated Prometheus' HTTP front on a free loopback port: the part of Prometheus' HTTP API the console uses,
 * in Prometheus' shapes, so that the console's real client reads it unchanged. Anything else gets Prometheus'
 * error envelope ({@code bad_data}) saying that this is a simulated subset.
 */
final class PrometheusApi implements AutoCloseable {

  private static final String API = "/api/v1/";
  private static final String SUPPORTED = "/api/v1/query, /api/v1/query_range, /api/v1/alerts, /api/v1/rules, "
      + "/api/v1/status/buildinfo, /api/v1/label/<name>/values, /-/ready and /-/healthy";
  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final Set<String> QUERY = Set.of("GET", "POST");

  /** How long an API call waits for the history to be made up before it answers 503. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final SimulatedPrometheus prometheus;
  private final InstantSource clock;
  private final Readiness readiness;
  private final HttpServer server;
  private final ExecutorService executor;

  private PrometheusApi(SimulatedPrometheus prometheus, InstantSource clock, Readiness readiness)
      throws IOException {
    this.prometheus = prometheus;
    this.clock = clock;
    this.readiness = readiness;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // A few threads: queries are CPU work, and the machine is shared with the console itself.
    this.executor = Executors.newFixedThreadPool(3,
        Thread.ofPlatform().name("simulated-prometheus-http-", 0).daemon(true).factory());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static PrometheusApi start(SimulatedPrometheus prometheus, InstantSource clock, Readiness readiness)
      throws IOException {
    return new PrometheusApi(prometheus, clock, readiness);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      try {
        route(exchange, path);
      } catch (PromqlException e) {
        json(exchange, 400, ApiJson.error("bad_data", e.getMessage()));
      } catch (RuntimeException e) {
        json(exchange, 500, ApiJson.error("internal", "the simulated Prometheus failed: " + e));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.startsWith(API) && !readiness.await(STARTUP_WAIT)) {
      json(exchange, 503, ApiJson.error("unavailable", "the simulated Prometheus is still making up its history"));
      return;
    }
    switch (path) {
      case "/-/healthy" -> {
        if (allowed(exchange, READ)) {
          text(exchange, 200, "Simulated Prometheus is Healthy. (Pilothouse demo: Prometheus is not installed.)\n");
        }
      }
      case "/-/ready" -> {
        if (allowed(exchange, READ)) {
          if (readiness.isReady()) {
            text(exchange, 200, "Simulated Prometheus is Ready. (Pilothouse demo: Prometheus is not installed.)\n");
          } else {
            text(exchange, 503, "Service Unavailable\n");
          }
        }
      }
      case "/" -> text(exchange, 200, "Simulated Prometheus of the Pilothouse demo: Prometheus is not installed, "
          + "so the demo's metrics and alerts are simulated in-process. It answers " + SUPPORTED + ".\n");
      case "/api/v1/query" -> {
        if (allowed(exchange, QUERY)) {
          RequestParams params = RequestParams.of(exchange);
          Instant time = params.time("time", clock.instant());
          Value value = prometheus.query(params.required("query"), time);
          json(exchange, 200, ApiJson.success(ApiJson.instant(value, time), true));
        }
      }
      case "/api/v1/query_range" -> {
        if (allowed(exchange, QUERY)) {
          RequestParams params = RequestParams.of(exchange);
          String query = params.required("query");
          Instant start = params.requiredTime("start");
          Instant end = params.requiredTime("end");
          Duration step = params.requiredDuration("step");
          List<SeriesPoints> series = prometheus.queryRange(query, start, end, step);
          json(exchange, 200, ApiJson.success(ApiJson.range(series), true));
        }
      }
      case "/api/v1/alerts" -> {
        if (allowed(exchange, READ)) {
          json(exchange, 200, ApiJson.success(ApiJson.alerts(prometheus.alerts()), true));
        }
      }
      case "/api/v1/rules" -> {
        if (allowed(exchange, READ)) {
          String type = RequestParams.of(exchange).get("type");
          if (!Set.of("", "alert", "record").contains(type)) {
            throw PromqlException.invalid("unsupported type \"" + type + "\", expected alert or record");
          }
          json(exchange, 200, ApiJson.success(ApiJson.rules(prometheus.rules(), type), true));
        }
      }
      case "/api/v1/status/buildinfo" -> {
        if (allowed(exchange, READ)) {
          json(exchange, 200, ApiJson.success(ApiJson.buildInfo(), true));
        }
      }
      default -> {
        if (path.startsWith("/api/v1/label/") && path.endsWith("/values")) {
          if (allowed(exchange, READ)) {
            String label = path.substring("/api/v1/label/".length(), path.length() - "/values".length());
            List<String> values = prometheus.labelValues(label, RequestParams.of(exchange).all("match[]"));
            json(exchange, 200, ApiJson.success(values, true));
          }
        } else if (path.startsWith(API)) {
          json(exchange, 404, ApiJson.error("bad_data", "the simulated demo Prometheus supports only a subset of "
              + "Prometheus' HTTP API (" + SUPPORTED + "): " + method + " " + path + " is not supported (install "
              + "Prometheus for the full API)"));
        } else {
          text(exchange, 404, "404 page not found (simulated Prometheus of the Pilothouse demo)\n");
        }
      }
    }
  }

  /** Whether the method is allowed; if not, answers 405 as Prometheus does. */
  private static boolean allowed(HttpExchange exchange, Set<String> methods) throws IOException {
    if (methods.contains(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
    json(exchange, 405, ApiJson.error("bad_data", exchange.getRequestMethod() + " is not allowed here"));
    return false;
  }

  private static void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    send(exchange, status, "application/json", ApiJson.MAPPER.writeValueAsBytes(body));
  }

  private static void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
