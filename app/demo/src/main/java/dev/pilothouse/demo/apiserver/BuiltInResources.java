package dev.pilothouse.demo.apiserver;

import static dev.pilothouse.demo.apiserver.ResourceType.ALL_VERBS;
import static dev.pilothouse.demo.apiserver.ResourceType.CREATE_ONLY;

import dev.pilothouse.demo.apiserver.ResourceType.ScaleSpec;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The built-in kinds the emulator serves, with the names, short names and categories a v1.32 server advertises.
 *
 * <p>Anything not listed here (and not defined by a CRD) answers 404, as on a real server, so clients can tell
 * "not installed" from "empty".
 */
public final class BuiltInResources {

  /** Subresources served besides status and scale (which {@link ResourceType} describes). */
  public static final Set<String> POD_SUBRESOURCES = Set.of("log");

  private static final List<ResourceType> TYPES = List.of(
      // core/v1
      type("", "v1", "configmaps", "ConfigMap", true, false, null, List.of("cm"), List.of()),
      type("", "v1", "endpoints", "Endpoints", true, false, null, List.of("ep"), List.of()),
      type("", "v1", "events", "Event", true, false, null, List.of("ev"), List.of()),
      type("", "v1", "limitranges", "LimitRange", true, false, null, List.of("limits"), List.of()),
      type("", "v1", "namespaces", "Namespace", false, true, null, List.of("ns"), List.of()),
      type("", "v1", "nodes", "Node", false, true, null, List.of("no"), List.of()),
      type("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, true, null, List.of("pvc"), List.of()),
      type("", "v1", "persistentvolumes", "PersistentVolume", false, true, null, List.of("pv"), List.of()),
      type("", "v1", "pods", "Pod", true, true, null, List.of("po"), List.of("all")),
      type("", "v1", "podtemplates", "PodTemplate", true, false, null, List.of(), List.of()),
      type("", "v1", "replicationcontrollers", "ReplicationController", true, true, ScaleSpec.BUILT_IN,
          List.of("rc"), List.of("all")),
      type("", "v1", "resourcequotas", "ResourceQuota", true, true, null, List.of("quota"), List.of()),
      type("", "v1", "secrets", "Secret", true, false, null, List.of(), List.of()),
      type("", "v1", "serviceaccounts", "ServiceAccount", true, false, null, List.of("sa"), List.of()),
      type("", "v1", "services", "Service", true, true, null, List.of("svc"), List.of("all")),
      // apps/v1
      type("apps", "v1", "controllerrevisions", "ControllerRevision", true, false, null, List.of(), List.of()),
      type("apps", "v1", "daemonsets", "DaemonSet", true, true, null, List.of("ds"), List.of("all")),
      type("apps", "v1", "deployments", "Deployment", true, true, ScaleSpec.BUILT_IN, List.of("deploy"),
          List.of("all")),
      type("apps", "v1", "replicasets", "ReplicaSet", true, true, ScaleSpec.BUILT_IN, List.of("rs"),
          List.of("all")),
      type("apps", "v1", "statefulsets", "StatefulSet", true, true, ScaleSpec.BUILT_IN, List.of("sts"),
          List.of("all")),
      // batch/v1
      type("batch", "v1", "cronjobs", "CronJob", true, true, null, List.of("cj"), List.of("all")),
      type("batch", "v1", "jobs", "Job", true, true, null, List.of(), List.of("all")),
      // autoscaling/v2
      type("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, true, null,
          List.of("hpa"), List.of("all")),
      // networking.k8s.io/v1
      type("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, false, null, List.of(), List.of()),
      type("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, null, List.of("ing"), List.of()),
      type("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, false, null, List.of("netpol"),
          List.of()),
      // policy/v1
      type("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, null, List.of("pdb"),
          List.of()),
      // rbac.authorization.k8s.io/v1
      type("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, null,
          List.of(), List.of()),
      type("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false, null, List.of(),
          List.of()),
      type("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false, null, List.of(),
          List.of()),
      type("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false, null, List.of(), List.of()),
      // storage, coordination, scheduling
      type("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, false, null, List.of("sc"), List.of()),
      type("coordination.k8s.io", "v1", "leases", "Lease", true, false, null, List.of(), List.of()),
      type("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, false, null, List.of("pc"),
          List.of()),
      // apiextensions.k8s.io/v1
      type("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, true,
          null, List.of("crd", "crds"), List.of("api-extensions")),
      // reviews: create-only, never stored
      review("authorization.k8s.io", "selfsubjectaccessreviews", "SelfSubjectAccessReview"),
      review("authentication.k8s.io", "selfsubjectreviews", "SelfSubjectReview"));

  private BuiltInResources() {}

  public static List<ResourceType> all() {
    return TYPES;
  }

  private static ResourceType type(String group, String version, String plural, String kind, boolean namespaced,
      boolean hasStatus, @Nullable ScaleSpec scale, List<String> shortNames, List<String> categories) {
    return new ResourceType(group, version, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, namespaced,
        ALL_VERBS, shortNames, categories, hasStatus, scale, List.of());
  }

  private static ResourceType review(String group, String plural, String kind) {
    return new ResourceType(group, "v1", plural, kind.toLowerCase(java.util.Locale.ROOT), kind, false,
        CREATE_ONLY, List.of(), List.of(), false, null, List.of());
  }
}
