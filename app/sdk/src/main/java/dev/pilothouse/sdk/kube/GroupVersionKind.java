package dev.pilothouse.sdk.kube;

import java.util.Objects;

/**
 * Names a Kubernetes resource type unambiguously. Plurals alone are ambiguous ({@code mcpservers} exists in two
 * groups), so the SDK always addresses resources by group, version and plural.
 *
 * @param group   API group, empty for the core group
 * @param version API version such as {@code v1}
 * @param kind    the kind, such as {@code Pod}
 * @param plural  the resource name used in URLs, such as {@code pods}
 */
public record GroupVersionKind(String group, String version, String kind, String plural) {

    public GroupVersionKind {
        group = group == null ? "" : group;
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plural, "plural");
    }

    /** A kind of the core ("") group. */
    public static GroupVersionKind core(String version, String kind, String plural) {
        return new GroupVersionKind("", version, kind, plural);
    }

    /** The {@code apiVersion} field value: {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Whether both name the same kind in the same group, whatever the version. */
    public boolean sameGroupKind(GroupVersionKind other) {
        return group.equals(other.group) && kind.equals(other.kind);
    }

    /** {@code plural.group}, as kubectl writes it, e.g. {@code deployments.apps}. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    @Override
    public String toString() {
        return apiVersion() + "/" + kind;
    }
}
