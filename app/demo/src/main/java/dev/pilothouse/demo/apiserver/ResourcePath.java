package dev.pilothouse.demo.apiserver;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A resource URL taken apart: {@code /api/v1/namespaces/ns/pods/name/log} or {@code /apis/apps/v1/deployments}.
 *
 * @param namespace null for cluster-wide requests and cluster-scoped resources
 * @param name null for collection requests
 * @param subresource null for the main resource
 */
public record ResourcePath(String group, String version, @Nullable String namespace, String plural,
    @Nullable String name, @Nullable String subresource) {

  /** Parses a path below {@code /api/{v}} or {@code /apis/{g}/{v}}; empty when it names no resource. */
  public static Optional<ResourcePath> parse(List<String> segments) {
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    String group;
    int rest;
    if (segments.getFirst().equals("api") && segments.size() >= 3) {
      group = "";
      rest = 2;
    } else if (segments.getFirst().equals("apis") && segments.size() >= 4) {
      group = segments.get(1);
      rest = 3;
    } else {
      return Optional.empty();
    }
    String version = segments.get(rest - 1);
    List<String> tail = segments.subList(rest, segments.size());
    // namespaces/{ns}/{plural}[/{name}[/{sub}]], except the namespace object's own status/finalize subresources.
    if (tail.size() >= 3 && tail.getFirst().equals("namespaces")
        && !(tail.size() == 3 && (tail.get(2).equals("status") || tail.get(2).equals("finalize")))) {
      if (tail.size() > 5) {
        return Optional.empty();
      }
      return Optional.of(new ResourcePath(group, version, tail.get(1), tail.get(2),
          tail.size() > 3 ? tail.get(3) : null, tail.size() > 4 ? tail.get(4) : null));
    }
    if (tail.size() > 3) {
      return Optional.empty();
    }
    return Optional.of(new ResourcePath(group, version, null, tail.getFirst(),
        tail.size() > 1 ? tail.get(1) : null, tail.size() > 2 ? tail.get(2) : null));
  }
}
