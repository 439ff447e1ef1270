package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Services, ConfigMaps and Secrets. Secret rows hold key names and sizes only, never values. */
public final class ConfigKinds {

    public static final GroupVersionKind SERVICE = GroupVersionKind.core("v1", "Service", "services");
    public static final GroupVersionKind CONFIG_MAP = GroupVersionKind.core("v1", "ConfigMap", "configmaps");
    public static final GroupVersionKind SECRET = GroupVersionKind.core("v1", "Secret", "secrets");

    private ConfigKinds() {
    }

    /**
     * A Service.
     *
     * @param uid       uid
     * @param namespace namespace
     * @param name      name
     * @param type      ClusterIP, NodePort, LoadBalancer, ExternalName
     * @param clusterIp cluster IP
     * @param external  load-balancer ingress or external IPs
     * @param ports     ports as {@code 80/TCP}
     * @param created   creation time
     */
    public record ServiceRow(String uid, String namespace, String name, String type, String clusterIp, String external,
                             String ports, Instant created) implements Row {
    }

    /**
     * A ConfigMap or Secret: which keys it holds, never what they hold.
     *
     * @param uid       uid
     * @param namespace namespace
     * @param name      name
     * @param type      the Secret's type; empty for ConfigMaps
     * @param keys      key names, sorted
     * @param created   creation time
     */
    public record DataRow(String uid, String namespace, String name, String type, List<String> keys, Instant created)
            implements Row {
    }

    public static ResourceKind<ServiceRow> services() {
        return ResourceKind.builder(SERVICE, ConfigKinds::service)
                .aliases("svc", "service")
                .health(r -> Health.OK_HEALTH)
                .column(Column.<ServiceRow>builder("namespace", "Namespace", ServiceRow::namespace).width(130).build())
                .column(Column.<ServiceRow>builder("name", "Name", ServiceRow::name).width(240).build())
                .column(Column.<ServiceRow>builder("type", "Type", ServiceRow::type).width(110).build())
                .column(Column.<ServiceRow>builder("clusterIp", "Cluster IP", ServiceRow::clusterIp).width(120).build())
                .column(Column.<ServiceRow>builder("external", "External", ServiceRow::external).width(160).build())
                .column(Column.<ServiceRow>builder("ports", "Ports", ServiceRow::ports).width(200).build())
                .column(KindColumns.age(ServiceRow::created))
                .build();
    }

    static ServiceRow service(KubeObject o) {
        List<String> external = new ArrayList<>();
        o.objects("status", "loadBalancer", "ingress").forEach(i -> external.add(i.string("ip").isEmpty()
                ? i.string("hostname") : i.string("ip")));
        o.get("spec", "externalIPs").filter(List.class::isInstance).ifPresent(l -> ((List<?>) l).forEach(ip -> external.add(String.valueOf(ip))));
        List<String> ports = new ArrayList<>();
        for (KubeObject p : o.objects("spec", "ports")) {
            String node = p.string("nodePort");
            ports.add(p.string("port") + (node.isEmpty() ? "" : ":" + node) + "/" + (p.string("protocol").isEmpty()
                    ? "TCP" : p.string("protocol")));
        }
        String type = o.string("spec", "type");
        return new ServiceRow(o.uid(), o.namespace().intern(), o.name(), type.isEmpty() ? "ClusterIP" : type.intern(),
                o.string("spec", "clusterIP"), String.join(", ", external), String.join(", ", ports),
                o.creationTimestamp().orElse(null));
    }

    public static ResourceKind<DataRow> configMaps() {
        return data(CONFIG_MAP, "cm", false);
    }

    public static ResourceKind<DataRow> secrets() {
        return data(SECRET, "secret", true);
    }

    private static ResourceKind<DataRow> data(GroupVersionKind gvk, String alias, boolean secret) {
        var b = ResourceKind.builder(gvk, (KubeObject o) -> dataRow(o, secret))
                .aliases(alias)
                .health(r -> Health.OK_HEALTH)
                .column(Column.<DataRow>builder("namespace", "Namespace", DataRow::namespace).width(130).build())
                .column(Column.<DataRow>builder("name", "Name", DataRow::name).width(280).build());
        if (secret) {
            b.column(Column.<DataRow>builder("type", "Type", DataRow::type).width(220).build());
        }
        return b.column(Column.<DataRow>builder("data", "Keys", r -> r.keys().size()).align(Column.Align.RIGHT).width(60).build())
                .column(Column.<DataRow>builder("keys", "Key names", r -> String.join(", ", r.keys())).width(320).build())
                .column(KindColumns.age(DataRow::created))
                .build();
    }

    static DataRow dataRow(KubeObject o, boolean secret) {
        TreeSet<String> keys = new TreeSet<>();
        o.object("data").ifPresent(d -> keys.addAll(d.raw().keySet()));
        o.object("binaryData").ifPresent(d -> keys.addAll(d.raw().keySet()));
        if (secret) {
            o.object("stringData").ifPresent(d -> keys.addAll(d.raw().keySet()));
        }
        return new DataRow(o.uid(), o.namespace().intern(), o.name(), secret ? o.string("type").intern() : "",
                List.copyOf(keys), o.creationTimestamp().orElse(null));
    }

}
