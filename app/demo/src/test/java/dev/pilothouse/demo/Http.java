package dev.pilothouse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP against an emulated cluster, for what the Fabric8 client hides (status codes, exact bodies). */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private Http() {}

  static HttpResponse<String> get(EmulatedCluster cluster, String path) {
    return send(cluster, HttpRequest.newBuilder(URI.create(cluster.url() + path)).GET(), cluster.userToken());
  }

  static HttpResponse<String> get(EmulatedCluster cluster, String path, String accept) {
    return send(cluster, HttpRequest.newBuilder(URI.create(cluster.url() + path)).header("Accept", accept).GET(),
        cluster.userToken());
  }

  static HttpResponse<String> post(EmulatedCluster cluster, String path, String json, String token) {
    return send(cluster, HttpRequest.newBuilder(URI.create(cluster.url() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), token);
  }

  static HttpResponse<String> send(EmulatedCluster cluster, HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
