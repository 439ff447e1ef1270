package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.kube.GroupVersionKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Kubernetes API paths of action targets. One place builds them, so the preview shows the very path the engine
 * sends the request to.
 */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** {@code /apis/argoproj.io/v1alpha1/namespaces/ml/workflows/x}, plus {@code /status} for a subresource. */
    public static String object(ActionTarget target, String subresource) {
        String path = collection(target) + "/" + segment(target.name());
        return subresource.isEmpty() ? path : path + "/" + segment(subresource);
    }

    /** {@code /apis/argoproj.io/v1alpha1/namespaces/ml/workflows}: where new objects are POSTed. */
    public static String collection(ActionTarget target) {
        GroupVersionKind gvk = target.gvk();
        String root = gvk.group().isEmpty() ? "/api/" + gvk.version() : "/apis/" + gvk.group() + "/" + gvk.version();
        String scope = target.namespace().isEmpty() ? "" : "/namespaces/" + segment(target.namespace());
        return root + scope + "/" + gvk.plural();
    }

    // Object names are DNS labels in practice; encoding only guards against a malformed target escaping its path.
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
