package dev.pilothouse.demo.apiserver;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceScale;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the server serves: the built-in kinds plus one resource per stored CRD (its storage version), derived from
 * the CRD objects themselves so that a CRD is served from the moment it is created and stops when it is deleted.
 */
public final class ResourceCatalog {

  private static final ResourceType CRDS = BuiltInResources.all().stream()
      .filter(t -> t.plural().equals("customresourcedefinitions")).findFirst().orElseThrow();

  private final ObjectStore store;
  private volatile Snapshot snapshot = new Snapshot(-1, List.of());

  private record Snapshot(long revision, List<ResourceType> types) {}

  public ResourceCatalog(ObjectStore store) {
    this.store = store;
  }

  /** Built-in types first, then custom resources in CRD name order. */
  public List<ResourceType> all() {
    long revision = store.definitionsRevision();
    Snapshot current = snapshot;
    if (current.revision() != revision) {
      List<ResourceType> types = new ArrayList<>(BuiltInResources.all());
      for (var stored : store.list(CRDS, null)) {
        ResourceType custom = fromCrd(Serialization.unmarshal(stored.json(), CustomResourceDefinition.class));
        if (custom != null) {
          types.add(custom);
        }
      }
      current = new Snapshot(revision, List.copyOf(types));
      snapshot = current;
    }
    return current.types();
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    return all().stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
        .findFirst();
  }

  /** The type for an object's apiVersion and kind. */
  public Optional<ResourceType> findByKind(@Nullable String apiVersion, @Nullable String kind) {
    if (apiVersion == null || kind == null) {
      return Optional.empty();
    }
    return all().stream().filter(t -> t.groupVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
  }

  public static ResourceType customResourceDefinitions() {
    return CRDS;
  }

  /** The served resource of a CRD: its storage version (the emulator does no version conversion). */
  static @Nullable ResourceType fromCrd(CustomResourceDefinition crd) {
    var spec = crd.getSpec();
    if (spec == null || spec.getNames() == null || spec.getVersions() == null) {
      return null;
    }
    CustomResourceDefinitionVersion version = spec.getVersions().stream()
        .filter(v -> Boolean.TRUE.equals(v.getStorage()))
        .findFirst()
        .orElse(spec.getVersions().isEmpty() ? null : spec.getVersions().getFirst());
    if (version == null || Boolean.FALSE.equals(version.getServed())) {
      return null;
    }
    var names = spec.getNames();
    var subresources = version.getSubresources();
    boolean hasStatus = subresources != null && subresources.getStatus() != null;
    ResourceType.ScaleSpec scale = null;
    if (subresources != null && subresources.getScale() != null) {
      CustomResourceSubresourceScale s = subresources.getScale();
      scale = new ResourceType.ScaleSpec(s.getSpecReplicasPath(), s.getStatusReplicasPath(),
          s.getLabelSelectorPath());
    }
    List<ResourceType.PrinterColumn> columns = new ArrayList<>();
    if (version.getAdditionalPrinterColumns() != null) {
      for (CustomResourceColumnDefinition c : version.getAdditionalPrinterColumns()) {
        columns.add(new ResourceType.PrinterColumn(c.getName(), Objects.requireNonNullElse(c.getType(), "string"),
            c.getJsonPath(), c.getPriority() == null ? 0 : c.getPriority(),
            Objects.requireNonNullElse(c.getDescription(), "")));
      }
    }
    String singular = names.getSingular() != null ? names.getSingular() : names.getKind().toLowerCase(Locale.ROOT);
    return new ResourceType(spec.getGroup(), version.getName(), names.getPlural(), singular, names.getKind(),
        "Namespaced".equals(spec.getScope()), ResourceType.ALL_VERBS,
        names.getShortNames() == null ? List.of() : names.getShortNames(),
        names.getCategories() == null ? List.of() : names.getCategories(),
        hasStatus, scale, columns);
  }
}
