package dev.pilothouse.demo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pilothouse.demo.apiserver.Users.UserInfo;
import io.fabric8.mockwebserver.http.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * SelfSubjectAccessReview (answered by the {@link Authorizer}) and SelfSubjectReview (who am I). Like on a real
 * server both are create-only, never stored, and allowed for every authenticated user.
 */
final class Reviews {

  private final Authorizer authorizer;

  Reviews(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  MockResponse accessReview(ApiRequest request, UserInfo user) {
    ObjectNode review = request.protobufBody()
        ? ProtobufReviews.accessReviewAsJson(request.bodyBytes()) : Json.readObject(request.body());
    JsonNode attributes = review.path("spec").path("resourceAttributes");
    ObjectNode status = ApiResponses.MAPPER.createObjectNode();
    if (attributes.isObject()) {
      Authorizer.Decision decision = decide(user, new Authorizer.Attributes(user.username(),
          attributes.path("verb").asText(""), attributes.path("group").asText(""),
          attributes.path("resource").asText(""), emptyToNull(attributes.path("subresource").asText("")),
          emptyToNull(attributes.path("namespace").asText("")), emptyToNull(attributes.path("name").asText(""))));
      status.put("allowed", decision.allowed());
      if (!decision.allowed()) {
        status.put("denied", true);
      }
      status.put("reason", decision.reason());
    } else if (review.path("spec").path("nonResourceAttributes").isObject()) {
      // Discovery, /version and health endpoints are open to every user (system:discovery, system:public-info-viewer).
      status.put("allowed", true);
      status.put("reason", "non-resource URLs are readable by all authenticated users");
    } else {
      return ApiResponses.status(422, "Invalid", "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: "
          + "spec.resourceAttributes: Invalid value: exactly one of nonResourceAttributes or resourceAttributes "
          + "must be specified", null);
    }
    review.put("apiVersion", "authorization.k8s.io/v1");
    review.put("kind", "SelfSubjectAccessReview");
    Json.metadata(review).put("creationTimestamp", (String) null);
    review.set("status", status);
    return ApiResponses.json(201, review);
  }

  Authorizer.Decision decide(UserInfo user, Authorizer.Attributes attributes) {
    if (user.isSuperuser()) {
      return new Authorizer.Decision(true, "user is in group system:masters");
    }
    return authorizer.decide(attributes);
  }

  MockResponse selfReview(UserInfo user) {
    ObjectNode review = ApiResponses.MAPPER.createObjectNode();
    review.put("kind", "SelfSubjectReview");
    review.put("apiVersion", "authentication.k8s.io/v1");
    review.putObject("metadata").put("creationTimestamp", Clock.now());
    ObjectNode info = review.putObject("status").putObject("userInfo");
    info.put("username", user.username());
    if (!user.uid().isEmpty()) {
      info.put("uid", user.uid());
    }
    ArrayNode groups = info.putArray("groups");
    user.groups().forEach(groups::add);
    return ApiResponses.json(201, review);
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
