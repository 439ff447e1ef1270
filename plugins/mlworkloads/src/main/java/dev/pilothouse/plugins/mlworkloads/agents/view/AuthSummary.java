package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.KubeObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Which authentication and authorisation an agent or server has configured, named the way its CRD names them, so
 * "is this server open to anyone?" has an answer on its page. Only names of settings and secrets are shown, never
 * values.
 */
final class AuthSummary {

    private AuthSummary() {
    }

    /** One entry per mechanism; empty when none is configured. */
    static List<String> of(ToolServerKind kind, KubeObject o) {
        return switch (kind) {
            case TOOLHIVE_MCP_SERVER -> toolHive(o);
            case REMOTE_MCP_SERVER -> headers(o.objects("spec", "headersFrom"), "");
            case AGENT -> agent(o);
            case KAGENT_MCP_SERVER, SERVICE -> List.of();
        };
    }

    /** What a page says when {@link #of} is empty. */
    static String none(ToolServerKind kind) {
        return switch (kind) {
            case TOOLHIVE_MCP_SERVER -> "none configured: the ToolHive proxy accepts any caller that reaches it";
            case KAGENT_MCP_SERVER -> "none: kagent's MCPServer has no authentication settings";
            case REMOTE_MCP_SERVER -> "none configured: kagent sends no credentials to it";
            case AGENT -> "none configured: no credentials are sent to its tools";
            case SERVICE -> "not known";
        };
    }

    /**
     * ToolHive v1alpha1 has inline {@code oidcConfig} and {@code authzConfig}; later versions reference shared
     * objects ({@code oidcConfigRef}, {@code authzConfigRef}) and add token exchange and an embedded auth server.
     */
    private static List<String> toolHive(KubeObject o) {
        List<String> auth = new ArrayList<>();
        o.object("spec", "oidcConfig").ifPresent(c -> auth.add("OIDC (" + sourced(c) + ")"));
        o.object("spec", "oidcConfigRef").ifPresent(c -> auth.add("OIDC (MCPOIDCConfig " + c.string("name") + ")"));
        o.object("spec", "authzConfig").ifPresent(c -> auth.add("authorisation policy (" + sourced(c) + ")"));
        o.object("spec", "authzConfigRef")
                .ifPresent(c -> auth.add("authorisation policy (MCPAuthzConfig " + c.string("name") + ")"));
        o.object("spec", "externalAuthConfigRef")
                .ifPresent(c -> auth.add("external auth (MCPExternalAuthConfig " + c.string("name") + ")"));
        o.object("spec", "authServerRef")
                .ifPresent(c -> auth.add("embedded auth server (" + c.string("name") + ")"));
        return auth;
    }

    /** {@code kubernetes}, {@code configMap fetch-authz} or {@code inline}: where the settings come from. */
    private static String sourced(KubeObject config) {
        String type = config.string("type");
        String configMap = config.string("configMap", "name");
        if (!configMap.isEmpty()) {
            return "ConfigMap " + configMap;
        }
        return type.isEmpty() ? "inline" : type;
    }

    private static List<String> agent(KubeObject o) {
        List<String> auth = new ArrayList<>();
        for (KubeObject tool : o.objects("spec", "declarative", "tools")) {
            String target = tool.string("mcpServer", "name").isEmpty() ? tool.string("agent", "name")
                    : tool.string("mcpServer", "name");
            auth.addAll(headers(tool.objects("headersFrom"), " to " + target));
        }
        return auth;
    }

    /** kagent's {@code headersFrom}: a header whose value comes from a Secret or ConfigMap. */
    private static List<String> headers(List<KubeObject> headersFrom, String suffix) {
        List<String> auth = new ArrayList<>();
        for (KubeObject h : headersFrom) {
            String source = h.string("valueFrom", "type");
            String name = h.string("valueFrom", "name");
            auth.add("header " + h.string("name") + suffix
                    + (name.isEmpty() ? "" : " (from " + (source.isEmpty() ? "" : source + " ") + name + ")"));
        }
        return auth;
    }
}
