package dev.pilothouse.demo.apiserver;

import io.fabric8.mockwebserver.http.MockResponse;

/** Ends request handling early with a ready error response (a metav1.Status). */
final class ApiException extends RuntimeException {
  private final transient MockResponse response;

  ApiException(MockResponse response) {
    super(null, null, false, false);
    this.response = response;
  }

  MockResponse response() {
    return response;
  }
}
