package dev.pilothouse.core.metrics.endpoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Kubernetes service port to reach through the API server's service proxy.
 *
 * @param namespace the service's namespace
 * @param name      the service's name
 * @param scheme    {@code http} or {@code https} (how the API server talks to the pods)
 * @param port      the port's name ({@code web}) or number ({@code 9090})
 */
public record ServiceRef(String namespace, String name, String scheme, String port) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public ServiceRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(port, "port");
        if (!DNS_LABEL.matcher(namespace).matches() || !DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Kubernetes name: " + namespace + "/" + name);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, got " + scheme);
        }
        if (!PORT.matcher(port).matches()) {
            throw new IllegalArgumentException("not a port name or number: " + port);
        }
    }

    /** The service proxy's base path, {@code /api/v1/namespaces/NS/services/SCHEME:NAME:PORT/proxy}. */
    public String proxyPath() {
        return "/api/v1/namespaces/" + namespace + "/services/" + scheme + ":" + name + ":" + port + "/proxy";
    }

    @Override
    public String toString() {
        return namespace + "/" + name + ":" + port;
    }
}
