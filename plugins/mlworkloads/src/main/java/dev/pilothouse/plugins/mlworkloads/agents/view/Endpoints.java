package dev.pilothouse.plugins.mlworkloads.agents.view;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Compares in-cluster addresses: {@code http://mcp-fetch-proxy.tools.svc.cluster.local:8080/mcp} and
 * {@code mcp-fetch-proxy.tools:8080} reach the same Service. That is how a RemoteMCPServer is tied to the ToolHive
 * server whose proxy it points at: kagent cannot reference ToolHive's kind, so the URL is the only link.
 */
final class Endpoints {

    private Endpoints() {
    }

    /**
     * {@code service.namespace:port} for an address, or "" when it is not one. A bare service name resolves in
     * {@code namespace}; the cluster domain is dropped; the port defaults to the scheme's.
     */
    static String key(String address, String namespace) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String text = address.strip();
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "http://" + text);
        } catch (URISyntaxException e) {
            return "";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "";
        }
        host = host.toLowerCase(Locale.ROOT);
        int svc = host.indexOf(".svc");
        if (svc > 0 && (host.length() == svc + 4 || host.charAt(svc + 4) == '.')) {
            host = host.substring(0, svc);
        }
        if (!host.contains(".")) {
            if (namespace.isEmpty()) {
                return "";
            }
            host = host + "." + namespace;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return host + ":" + port;
    }

    /** The Service part of {@link #key}: {@code service.namespace}. */
    static String service(String key) {
        int colon = key.lastIndexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }
}
