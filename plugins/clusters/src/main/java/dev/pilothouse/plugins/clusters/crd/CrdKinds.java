package dev.pilothouse.plugins.clusters.crd;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CustomResourceDefinitions, and a generic kind for the objects of any CRD, with columns from its printer columns. */
public final class CrdKinds {

    public static final GroupVersionKind CRD = new GroupVersionKind("apiextensions.k8s.io", "v1",
            "CustomResourceDefinition", "customresourcedefinitions");

    private CrdKinds() {
    }

    public static ResourceKind<CrdRow> crds() {
        return ResourceKind.builder(CRD, CrdKinds::project)
                .clusterScoped()
                .aliases("crd", "crds")
                .health(r -> r.established() ? Health.of(HealthState.OK, "Established")
                        : Health.of(HealthState.PROGRESSING, "Not established"))
                .column(Column.<CrdRow>builder("name", "Name", CrdRow::name).width(320).build())
                .column(Column.<CrdRow>builder("kind", "Kind", CrdRow::kind).width(170).build())
                .column(Column.<CrdRow>builder("group", "Group", CrdRow::group).width(200).build())
                .column(Column.<CrdRow>builder("version", "Version", CrdRow::version).width(90).build())
                .column(Column.<CrdRow>builder("scope", "Scope", r -> r.namespaced() ? "Namespaced" : "Cluster").width(100).build())
                .column(Column.<CrdRow>builder("status", "Status", r -> r.established() ? "Established" : "Not established")
                        .tone(r -> r.established() ? dev.pilothouse.sdk.kube.CellTone.SUCCESS : dev.pilothouse.sdk.kube.CellTone.WARNING)
                        .width(120).build())
                .build();
    }

    static CrdRow project(KubeObject crd) {
        List<KubeObject> versions = crd.objects("spec", "versions");
        KubeObject chosen = versions.stream().filter(v -> v.flag("storage")).findFirst()
                .or(() -> versions.stream().filter(v -> v.flag("served")).findFirst())
                .orElse(versions.isEmpty() ? KubeObject.of(java.util.Map.of()) : versions.getFirst());
        List<CrdRow.PrinterColumn> columns = new ArrayList<>();
        for (KubeObject c : chosen.objects("additionalPrinterColumns")) {
            columns.add(new CrdRow.PrinterColumn(c.string("name"), c.string("type"), c.string("jsonPath"),
                    (int) c.number("priority")));
        }
        boolean established = crd.condition("Established").map(c -> "True".equals(c.string("status"))).orElse(false);
        return new CrdRow(crd.uid(), crd.name(), crd.string("spec", "group"), chosen.string("name"),
                crd.string("spec", "names", "kind"), crd.string("spec", "names", "plural"),
                !"Cluster".equals(crd.string("spec", "scope")), established, List.copyOf(columns),
                crd.creationTimestamp().orElse(null));
    }

    /**
     * An object of a CRD: its name and the text of each printer column.
     *
     * @param uid       uid
     * @param namespace namespace
     * @param name      name
     * @param values    printer column values, in column order
     * @param created   creation time
     */
    public record ObjectRow(String uid, String namespace, String name, List<String> values, Instant created) implements Row {
    }

    /** A kind for the objects of one CRD, projected to its printer columns (priority 0, as kubectl shows by default). */
    public static ResourceKind<ObjectRow> objectsOf(CrdRow crd) {
        List<CrdRow.PrinterColumn> shown = crd.printerColumns().stream().filter(c -> c.priority() == 0).toList();
        GroupVersionKind gvk = new GroupVersionKind(crd.group(), crd.version(), crd.kind(), crd.plural());
        var b = ResourceKind.builder(gvk, (KubeObject o) -> new ObjectRow(o.uid(), o.namespace(), o.name(),
                        shown.stream().map(c -> JsonPath.text(o.raw(), c.jsonPath())).toList(), o.creationTimestamp().orElse(null)))
                .displayName(crd.kind());
        if (!crd.namespaced()) {
            b.clusterScoped();
        } else {
            b.column(Column.<ObjectRow>builder("namespace", "Namespace", ObjectRow::namespace).width(130).build());
        }
        b.column(Column.<ObjectRow>builder("name", "Name", ObjectRow::name).width(260).build());
        for (int i = 0; i < shown.size(); i++) {
            CrdRow.PrinterColumn pc = shown.get(i);
            int index = i;
            if (pc.jsonPath().equals(".metadata.creationTimestamp")) {
                continue;
            }
            Column.Builder<ObjectRow> cb = Column.<ObjectRow>builder("pc-" + i, pc.name(), r -> r.values().get(index))
                    .width(Math.max(90, Math.min(260, pc.name().length() * 11 + 30)));
            if (pc.type().equals("integer") || pc.type().equals("number")) {
                cb.align(Column.Align.RIGHT).comparator(Comparator.comparingDouble(r -> number(r.values().get(index))));
            } else if (pc.type().equals("date")) {
                cb.text(r -> ageOf(r.values().get(index)));
            }
            b.column(cb.build());
        }
        return b.column(dev.pilothouse.plugins.clusters.kinds.KindColumns.age(ObjectRow::created)).build();
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static String ageOf(String timestamp) {
        try {
            return Formats.duration(Duration.between(Instant.parse(timestamp), Instant.now()));
        } catch (RuntimeException e) {
            return timestamp;
        }
    }

    /** For tests. */
    static <R extends Row> List<String> texts(ResourceKind<R> kind, R row) {
        return kind.columns().stream().map(c -> c.text(row)).toList();
    }
}
