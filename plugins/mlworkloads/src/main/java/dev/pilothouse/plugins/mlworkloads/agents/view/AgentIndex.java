package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents and tool servers of the list, by graph node id ({@code cluster/namespace/Kind.group/name}), so a
 * reference can be checked against what exists and a graph node opened. A snapshot: build a new one when rows change.
 */
public final class AgentIndex {

    private final Map<String, Located<AgentRow>> byId;
    private final java.util.function.BiPredicate<String, dev.pilothouse.sdk.kube.GroupVersionKind> listed;

    private AgentIndex(Map<String, Located<AgentRow>> byId,
                       java.util.function.BiPredicate<String, dev.pilothouse.sdk.kube.GroupVersionKind> listed) {
        this.byId = byId;
        this.listed = listed;
    }

    /** An index of rows whose watches all listed. */
    public static AgentIndex of(Collection<Located<AgentRow>> rows) {
        return of(rows, (cluster, gvk) -> true);
    }

    /**
     * @param listed whether a kind's rows of a cluster are all known (its watch listed): only then is an object
     *               absent from the rows really missing
     */
    public static AgentIndex of(Collection<Located<AgentRow>> rows,
                                java.util.function.BiPredicate<String, dev.pilothouse.sdk.kube.GroupVersionKind> listed) {
        Map<String, Located<AgentRow>> byId = new LinkedHashMap<>();
        for (Located<AgentRow> row : rows) {
            kindOf(row).ifPresent(k -> byId.put(id(row.cluster(), k, row.namespace(), row.name()), row));
        }
        return new AgentIndex(byId, listed);
    }

    /** Whether the objects of a kind in a cluster are all known, so an absent one does not exist. */
    public boolean listed(String cluster, dev.pilothouse.sdk.kube.GroupVersionKind gvk) {
        return listed.test(cluster, gvk);
    }

    /** The node id of an object; every part is needed, since two kinds are called MCPServer. */
    public static String id(String cluster, ToolServerKind kind, String namespace, String name) {
        return cluster + "/" + namespace + "/" + kind.key() + "/" + name;
    }

    /** The node id of a row. */
    public static String id(Located<AgentRow> row) {
        return kindOf(row).map(k -> id(row.cluster(), k, row.namespace(), row.name())).orElse(row.uid());
    }

    static Optional<ToolServerKind> kindOf(Located<AgentRow> row) {
        return ToolServerKind.of(row.kind().gvk());
    }

    public Optional<Located<AgentRow>> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Located<AgentRow>> find(String cluster, ToolServerKind kind, String namespace, String name) {
        return get(id(cluster, kind, namespace, name));
    }

    /** Every row, in the order given. */
    public List<Located<AgentRow>> rows() {
        return List.copyOf(byId.values());
    }

    /**
     * The server running in the cluster that answers at an address: a ToolHive server by its proxy's
     * {@code status.url}, or a kagent MCPServer by its Service.
     *
     * @param key an {@link Endpoints#key} address
     */
    public Optional<Located<AgentRow>> serverAt(String cluster, String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Located<AgentRow> row : byId.values()) {
            if (hosted(row, cluster) && key.equals(Endpoints.key(row.row().endpoint(), row.namespace()))) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** The server whose Service has this name ({@code service.namespace}), whatever its port. */
    public Optional<Located<AgentRow>> serverBehindService(String cluster, String service) {
        for (Located<AgentRow> row : byId.values()) {
            String key = Endpoints.key(row.row().endpoint(), row.namespace());
            if (hosted(row, cluster) && !key.isEmpty() && Endpoints.service(key).equals(service)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** A server of the cluster that runs in it, behind a Service of its own. */
    private static boolean hosted(Located<AgentRow> row, String cluster) {
        return row.cluster().equals(cluster) && kindOf(row).filter(k -> k == ToolServerKind.TOOLHIVE_MCP_SERVER
                || k == ToolServerKind.KAGENT_MCP_SERVER).isPresent();
    }
}
