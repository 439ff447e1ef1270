package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.kube.GroupVersionKind;

import java.util.List;

/**
 * An add-on that brings kinds to a cluster, such as Argo Workflows or KServe. When none of its kinds exists in a
 * cluster the lists say that the product is not installed there, which is normal and not an error.
 *
 * @param name  the product as people call it
 * @param kinds the kinds its CRDs define
 */
public record Product(String name, List<GroupVersionKind> kinds) {

    public Product {
        kinds = List.copyOf(kinds);
    }

    public static Product of(String name, GroupVersionKind... kinds) {
        return new Product(name, List.of(kinds));
    }
}
