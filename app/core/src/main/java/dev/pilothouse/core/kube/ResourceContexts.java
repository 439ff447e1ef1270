package dev.pilothouse.core.kube;

import dev.pilothouse.sdk.kube.GroupVersionKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Fabric8 resource contexts for SDK kinds: always addressed by group, version and plural. */
final class ResourceContexts {

    private ResourceContexts() {
    }

    static ResourceDefinitionContext of(GroupVersionKind gvk, boolean namespaced) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(gvk.group())
                .withVersion(gvk.version())
                .withKind(gvk.kind())
                .withPlural(gvk.plural())
                .withNamespaced(namespaced)
                .build();
    }
}
