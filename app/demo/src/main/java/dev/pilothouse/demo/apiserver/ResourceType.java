package dev.pilothouse.demo.apiserver;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One served resource (group, version, plural) with what discovery advertises about it and how the server treats it.
 *
 * @param hasStatus whether {@code status} is a subresource: writes to the main resource keep the stored status and
 *     writes to {@code /status} change only the status, as the real server does
 * @param scale the scale subresource mapping, or null when the resource cannot be scaled
 * @param printerColumns extra columns for server-side tables (CRD additionalPrinterColumns)
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    boolean hasStatus,
    @Nullable ScaleSpec scale,
    List<PrinterColumn> printerColumns) {

  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  public static final List<String> CREATE_ONLY = List.of("create");

  public ResourceType {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    printerColumns = List.copyOf(printerColumns);
  }

  /** "v1" for the core group, else "group/version"; also the apiVersion of the objects. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Group and plural, the version-independent identity used as an index key. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String collectionPath(@Nullable String namespace) {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return namespaced && namespace != null
        ? prefix + "/namespaces/" + namespace + "/" + plural
        : prefix + "/" + plural;
  }

  public String objectPath(@Nullable String namespace, String name) {
    return collectionPath(namespace) + "/" + name;
  }

  public boolean supports(String verb) {
    return verbs.contains(verb);
  }

  /** Scale subresource mapping as in a CRD's {@code subresources.scale} (JSON paths with a leading dot). */
  public record ScaleSpec(String specReplicasPath, String statusReplicasPath, @Nullable String labelSelectorPath) {
    public static final ScaleSpec BUILT_IN = new ScaleSpec(".spec.replicas", ".status.replicas", ".spec.selector");
  }

  /** A server-side table column (CRD additionalPrinterColumns). */
  public record PrinterColumn(String name, String type, String jsonPath, int priority, String description) {}
}
