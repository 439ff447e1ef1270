package dev.pilothouse.demo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what on an {@link EmulatedCluster}: the emulator's stand-in for RBAC. It answers
 * SelfSubjectAccessReviews and also guards every request (a denied request gets 403 Forbidden with the real
 * server's message), so an access check and the action it guards can never disagree.
 *
 * <p>The emulator's own identity (the {@link EmulatedCluster#adminClient() admin client}, used for seeding and by
 * the simulator) is in group {@code system:masters} and is never asked.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Whether {@code user} may perform {@code verb} (get, list, watch, create, update, patch, delete,
   * deletecollection) on a resource.
   *
   * @param group API group, "" for the core group
   * @param resource plural resource name, e.g. "pods"
   * @param subresource e.g. "log", "status", "scale"; null for the resource itself
   * @param namespace null for cluster-scoped resources and all-namespaces requests
   * @param name null for collection requests
   */
  boolean allows(String user, String verb, String group, String resource, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name);

  /** A human-readable reason for the decision, reported in {@code SelfSubjectAccessReview.status.reason}. */
  default String explain(String user, String verb, String group, String resource, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name) {
    return allows(user, verb, group, resource, subresource, namespace, name)
        ? "allowed by the demo access policy" : "denied by the demo access policy";
  }

  /** Allows everything: the default of a new cluster. */
  static AccessPolicy allowAll() {
    return new AccessPolicy() {
      @Override
      public boolean allows(String user, String verb, String group, String resource, @Nullable String subresource,
          @Nullable String namespace, @Nullable String name) {
        return true;
      }

      @Override
      public String explain(String user, String verb, String group, String resource, @Nullable String subresource,
          @Nullable String namespace, @Nullable String name) {
        return "allowed: the demo cluster's access policy allows everything";
      }
    };
  }

  /**
   * Reads a policy file:
   * <pre>
   * rules:
   *   - verbs: [get, list, watch]      # "*" or omitted: any
   *     groups: ["*"]                  # "" is the core group
   *     resources: ["*"]               # "pods" is the resource only, "pods/log" a subresource, "*" everything
   *     namespaces: [ml-serving]       # omitted or "*": any, including cluster-scoped requests
   *     users: [demo-viewer]           # optional; omitted: any user
   *     allow: true
   * </pre>
   * The first matching rule decides; when none matches the request is denied (as with RBAC).
   *
   * @throws IllegalArgumentException naming the file, rule and field when the file is malformed
   */
  static AccessPolicy fromYaml(Path file) {
    return YamlAccessPolicy.read(file);
  }
}
