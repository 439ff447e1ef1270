package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One watch a list is made of, in every cluster it shows.
 *
 * @param kind    the kind watched
 * @param scope   namespace and label selector sent to the server
 * @param product the add-on that defines the kind
 * @param keep    which rows the list shows (model-serving Deployments drop the Deployments that serve no model)
 * @param <R>     row type
 */
public record Source<R extends Row>(ResourceKind<R> kind, WatchScope scope, Product product, Predicate<R> keep) {

    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(keep, "keep");
    }

    public static <R extends Row> Source<R> of(ResourceKind<R> kind, Product product) {
        return new Source<>(kind, WatchScope.ALL, product, r -> true);
    }
}
